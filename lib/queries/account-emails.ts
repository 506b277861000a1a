import "server-only";
import { desc } from "drizzle-orm";
import { accountEmails } from "@/db/schema";
import type { DbOrTx } from "@/db/types";

export const ADMIN_ACCOUNT_EMAILS_LIMIT = 100;

export type AdminAccountEmail = {
  id: number;
  kind: (typeof accountEmails.$inferSelect)["kind"];
  email: string;
  subject: string;
  body: string;
  status: (typeof accountEmails.$inferSelect)["status"];
  reason: string | null;
  createdAt: string;
  sentAt: string | null;
};

/** `/admin/account-emails`: password resets, address confirmations and notices, newest first. */
export async function listAccountEmailsForAdmin(db: DbOrTx): Promise<AdminAccountEmail[]> {
  const rows = await db
    .select()
    .from(accountEmails)
    .orderBy(desc(accountEmails.createdAt), desc(accountEmails.id))
    .limit(ADMIN_ACCOUNT_EMAILS_LIMIT);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    email: r.email,
    subject: r.subject,
    body: r.body,
    status: r.status,
    reason: r.statusReason,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  }));
}
