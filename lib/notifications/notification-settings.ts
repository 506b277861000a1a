import "server-only";
import type { NotificationFrame, NotificationMessage, RenderedNotification } from "./messages";

/** Renders a message (lib/notifications/templates); passed in so the pipeline is testable on its own. */
export type RenderNotification = (
  message: NotificationMessage,
  frame: NotificationFrame,
) => Promise<RenderedNotification>;

export const DEFAULT_NOTIFICATION_DAILY_CAP = 20;

/**
 * NOTIFICATION_DAILY_CAP: how many notifications one recipient may be sent per UTC day (default 20). More
 * are kept in the outbox as `capped`, so a burst (a bulk approval, a flood of flagged signups) cannot
 * bury someone's mailbox and the admin still sees what was held back.
 */
export function notificationDailyCap(env: Record<string, string | undefined> = process.env): number {
  const raw = env.NOTIFICATION_DAILY_CAP?.trim();
  if (!raw) return DEFAULT_NOTIFICATION_DAILY_CAP;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error("NOTIFICATION_DAILY_CAP must be a whole number ≥ 1");
  return value;
}
