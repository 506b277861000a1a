import "server-only";
import { configuredAppOrigin } from "@/lib/app-url";
import { notificationDailyCap } from "./notification-settings";
import type { QueueContext } from "./queue-notifications";
import { renderNotification } from "./templates/render-notification";

/** How the running app queues notifications: the templates, the configured origin and the daily cap. */
export function pipelineContext(now: Date = new Date()): QueueContext {
  return { now, origin: configuredAppOrigin(), cap: notificationDailyCap(), render: renderNotification };
}
