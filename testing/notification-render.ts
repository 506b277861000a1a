// Until the real templates are used in a test: a plain renderer that shows the message's data, so the
// pipeline's tests read what was decided (subject per kind, the data and the links in the text).
import type {
  NotificationFrame,
  NotificationMessage,
  RenderedNotification,
} from "@/lib/notifications/messages";

export async function plainRender(
  message: NotificationMessage,
  frame: NotificationFrame,
): Promise<RenderedNotification> {
  const text = [
    `Hi ${frame.recipientName},`,
    JSON.stringify(message),
    `Open: ${frame.actionUrl}`,
    `Unsubscribe: ${frame.unsubscribeUrl}`,
    `Preferences: ${frame.preferencesUrl}`,
  ].join("\n");
  return { subject: `[${message.kind}]`, html: `<pre>${text}</pre>`, text };
}
