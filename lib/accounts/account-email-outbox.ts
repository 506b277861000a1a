import "server-only";
import { and, eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { z } from "zod";
import { ACCOUNT_EMAIL_QUEUE, jobDbForTx, jobStatements } from "@/db/job-queue";
import { accountEmails } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { deliveryFailureReason, isPermanentFailure, type MailerConfig } from "@/lib/invites/mailer";
import type { AccountEmail } from "./account-email";

export type AccountEmailKind = (typeof accountEmails.$inferSelect)["kind"];

const statements = jobStatements();

/**
 * Records an account e-mail in the outbox and enqueues its job on `tx` (the caller's transaction, so the
 * job exists exactly when the row does). Without SMTP_URL the row stays queued, like the invites.
 */
export async function queueAccountEmail(
  tx: DbOrTx,
  input: { userId: number; kind: AccountEmailKind; to: string; email: AccountEmail; now: Date },
): Promise<number> {
  const [row] = await tx
    .insert(accountEmails)
    .values({
      userId: input.userId,
      kind: input.kind,
      email: input.to,
      subject: input.email.subject,
      body: input.email.text,
      createdAt: input.now,
    })
    .returning({ id: accountEmails.id });
  await statements.send(ACCOUNT_EMAIL_QUEUE, { accountEmailId: row.id }, { db: jobDbForTx(tx) });
  return row.id;
}

export const accountEmailJobSchema = z.object({ accountEmailId: z.number().int().positive() });

/** The job: sends the message if still queued; a transient SMTP failure throws, pg-boss retries. */
export async function runAccountEmailJob(db: DbOrTx, data: unknown, config: MailerConfig | null) {
  const { accountEmailId } = accountEmailJobSchema.parse(data);
  if (!config) throw new Error("SMTP_URL is not set on the instance that ran this job");
  return deliverAccountEmail(db, accountEmailId, config);
}

/** Sends one queued account e-mail and marks it sent (or failed for good on a 5xx); sent ones are not resent. */
export async function deliverAccountEmail(
  db: DbOrTx,
  id: number,
  config: MailerConfig,
  now: () => Date = () => new Date(),
): Promise<"sent" | "failed" | null> {
  const [row] = await db
    .select()
    .from(accountEmails)
    .where(and(eq(accountEmails.id, id), eq(accountEmails.status, "queued")));
  if (!row) return null;
  const transport = nodemailer.createTransport(config.smtpUrl);
  try {
    await transport.sendMail({ from: config.from, to: row.email, subject: row.subject, text: row.body });
  } catch (error) {
    const reason = deliveryFailureReason(error);
    if (!isPermanentFailure(error)) {
      await db
        .update(accountEmails)
        .set({ statusReason: `Retrying soon: ${reason.toLowerCase()}` })
        .where(eq(accountEmails.id, id));
      throw new Error(`Account e-mail ${id}: ${reason}`);
    }
    await db
      .update(accountEmails)
      .set({ status: "failed", statusReason: reason })
      .where(eq(accountEmails.id, id));
    return "failed";
  } finally {
    transport.close();
  }
  await db
    .update(accountEmails)
    // The link has done its job once it is in the recipient's mailbox: the outbox keeps no working token.
    .set({ status: "sent", statusReason: null, sentAt: now(), body: redactTokens(row.body) })
    .where(and(eq(accountEmails.id, id), eq(accountEmails.status, "queued")));
  return "sent";
}

/** `?token=…` in a stored message, hidden (links in sent e-mails; the tokens are also stored hashed). */
export function redactTokens(body: string): string {
  return body.replace(/([?&]token=)[A-Za-z0-9_%-]+/g, "$1(hidden once sent)");
}
