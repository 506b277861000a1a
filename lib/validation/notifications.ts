import { z } from "zod";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notifications/messages";
import { notificationStatus } from "@/db/schema/notifications";

// One schema per resource, shared by the pages' forms, their actions and the routes.

const checkbox = z.literal("on").optional();

/**
 * The /account/notifications form: one checkbox per kind, named after the kind (a browser sends only the
 * ticked ones), read as the list of kinds that are on. Which kinds the user may have is the domain's check.
 */
export const notificationPreferencesSchema = z
  .object(
    Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, checkbox])) as Record<
      NotificationKind,
      typeof checkbox
    >,
  )
  .transform((form) => ({ enabled: NOTIFICATION_KINDS.filter((kind) => form[kind] === "on") }));

/** The one-click unsubscribe link's token (GET shows the confirmation, POST acts). */
export const unsubscribeSchema = z.object({
  token: z
    .string({ error: "This unsubscribe link is incomplete." })
    .trim()
    .min(1, { error: "This unsubscribe link is incomplete." })
    .max(200, { error: "This unsubscribe link is not valid." }),
});

/** `/admin/notifications?status=…`: an unknown status shows everything rather than an error. */
export const adminNotificationsSearchSchema = z.object({
  status: z.enum(notificationStatus).optional().catch(undefined),
});
export type AdminNotificationsSearch = z.output<typeof adminNotificationsSearchSchema>;

/** "Process new events now" on /admin/notifications: no fields. */
export const processNotificationsSchema = z.object({});
