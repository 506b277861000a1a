import "server-only";
import { inArray } from "drizzle-orm";
import { users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import type { NotificationFrame, NotificationKind, RenderedNotification } from "./messages";
import type { RenderNotification } from "./notification-settings";
import type { NotificationDraft } from "./queue-notifications";
import { unsubscribeToken } from "./unsubscribe-token";

/** A decided message with its e-mail, rendered before the transaction that queues it. */
export type RenderedDraft<T extends NotificationDraft = NotificationDraft> = T & {
  rendered: RenderedNotification;
};

/** The absolute links of one recipient's message. */
export function notificationFrame(
  recipient: { id: number; name: string },
  kind: NotificationKind,
  actionPath: string,
  origin: string,
): NotificationFrame {
  return {
    recipientName: recipient.name,
    actionUrl: `${origin}${actionPath}`,
    unsubscribeUrl: `${origin}/unsubscribe?token=${unsubscribeToken(recipient.id, kind)}`,
    preferencesUrl: `${origin}/account/notifications`,
  };
}

/**
 * Renders decided messages, once, before the transaction that queues them: react-email takes tens of
 * milliseconds a message, far too long to hold a chunk of events' row locks (or a month's progress row)
 * while it runs. The outbox row keeps what is rendered here, and the send job mails exactly that. Drafts
 * whose recipient no longer exists are left out; queueNotifications checks again inside its transaction,
 * and decides preferences and the daily cap there.
 */
export async function renderDrafts<T extends NotificationDraft>(
  db: DbOrTx,
  drafts: readonly T[],
  ctx: { origin: string; render: RenderNotification },
): Promise<RenderedDraft<T>[]> {
  if (!drafts.length) return [];
  const recipients = new Map(
    (
      await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(inArray(users.id, [...new Set(drafts.map((d) => d.userId))]))
    ).map((u) => [u.id, u]),
  );
  const rendered: RenderedDraft<T>[] = [];
  for (const draft of drafts) {
    const recipient = recipients.get(draft.userId);
    if (!recipient) continue;
    const frame = notificationFrame(recipient, draft.message.kind, draft.actionPath, ctx.origin);
    rendered.push({ ...draft, rendered: await ctx.render(draft.message, frame) });
  }
  return rendered;
}
