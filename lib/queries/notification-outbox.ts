import "server-only";
import { desc, eq } from "drizzle-orm";
import { notificationOutbox, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { maskEmail } from "@/lib/privacy/mask";
import type { AdminNotificationsSearch } from "@/lib/validation/notifications";

export const ADMIN_NOTIFICATIONS_LIMIT = 100;

export type AdminNotification = {
  id: number;
  kind: string;
  recipient: string;
  subject: string;
  body: string;
  status: (typeof notificationOutbox.$inferSelect)["status"];
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
};

/**
 * `/admin/notifications`: the notification outbox, newest first, optionally of one status. Recipients are
 * masked: the outbox is for seeing what the pipeline did, not a list of addresses.
 */
export async function listNotificationsForAdmin(
  db: DbOrTx,
  search: AdminNotificationsSearch,
): Promise<AdminNotification[]> {
  const rows = await db
    .select({ row: notificationOutbox, email: users.email })
    .from(notificationOutbox)
    .innerJoin(users, eq(users.id, notificationOutbox.userId))
    .where(search.status ? eq(notificationOutbox.status, search.status) : undefined)
    .orderBy(desc(notificationOutbox.id))
    .limit(ADMIN_NOTIFICATIONS_LIMIT);
  return rows.map(({ row, email }) => ({
    id: row.id,
    kind: row.kind,
    recipient: maskEmail(email),
    subject: row.subject,
    body: row.body,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  }));
}
