import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import nodemailer from "nodemailer";
import { emailInvites } from "@/db/schema";
import type { DbOrTx } from "@/db/types";

export const DEFAULT_INVITE_FROM = "MuseNest <invites@localhost>";

export type MailerConfig = { smtpUrl: string; from: string };

/** SMTP from the environment, or null: without `SMTP_URL` invites stay `queued`, which is the admin outbox. */
export function mailerConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MailerConfig | null {
  const smtpUrl = env.SMTP_URL?.trim();
  if (!smtpUrl) return null;
  return { smtpUrl, from: env.INVITE_FROM?.trim() || DEFAULT_INVITE_FROM };
}

export type DeliveryOutcome = { id: number; status: "sent" | "failed"; reason: string | null };

/**
 * What the referrer reads about a failed send: short and without server internals or a stack. The SMTP
 * reply code says whether the server refused this address or the whole message; no code means we never
 * got that far.
 */
export function deliveryFailureReason(error: unknown): string {
  const e = error as { responseCode?: unknown; code?: unknown };
  if (typeof e?.responseCode === "number") {
    return e.responseCode >= 500
      ? `The mail server refused this address (${e.responseCode})`
      : `The mail server could not take it right now (${e.responseCode})`;
  }
  if (e?.code === "ECONNECTION" || e?.code === "ETIMEDOUT" || e?.code === "ESOCKET" || e?.code === "EDNS")
    return "Could not reach the mail server";
  return "Sending failed";
}

/**
 * Sends the given invites that are still `queued`, one message each, and marks every row `sent` or
 * `failed` as soon as its own attempt ends. The rows were committed before this runs, so a crash or a
 * refused address never loses one: it just stays queued (or failed) and visible in the outbox.
 */
export async function deliverQueuedInvites(
  db: DbOrTx,
  inviteIds: number[],
  config: MailerConfig | null = mailerConfigFromEnv(),
  now: () => Date = () => new Date(),
): Promise<DeliveryOutcome[]> {
  if (!config || !inviteIds.length) return [];
  const rows = await db
    .select({
      id: emailInvites.id,
      email: emailInvites.email,
      subject: emailInvites.subject,
      body: emailInvites.body,
    })
    .from(emailInvites)
    .where(and(inArray(emailInvites.id, inviteIds), eq(emailInvites.status, "queued")))
    .orderBy(emailInvites.id);
  if (!rows.length) return [];

  const transport = nodemailer.createTransport(config.smtpUrl);
  const outcomes: DeliveryOutcome[] = [];
  try {
    for (const row of rows) {
      let outcome: DeliveryOutcome;
      try {
        await transport.sendMail({ from: config.from, to: row.email, subject: row.subject, text: row.body });
        outcome = { id: row.id, status: "sent", reason: null };
      } catch (error) {
        console.warn(`[invites] delivery of invite ${row.id} failed:`, (error as Error)?.message ?? error);
        outcome = { id: row.id, status: "failed", reason: deliveryFailureReason(error) };
      }
      await db
        .update(emailInvites)
        .set({
          status: outcome.status,
          statusReason: outcome.reason,
          sentAt: outcome.status === "sent" ? now() : null,
        })
        .where(and(eq(emailInvites.id, row.id), eq(emailInvites.status, "queued")));
      outcomes.push(outcome);
    }
  } finally {
    transport.close();
  }
  return outcomes;
}
