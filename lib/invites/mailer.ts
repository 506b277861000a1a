import "server-only";
import { and, eq } from "drizzle-orm";
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
 * Whether the mail server refused the message for good (a 5xx reply): sending it again won't help, so the
 * invite is marked failed. Anything else (no connection, a timeout, a 4xx "try later") is worth a retry.
 */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown })?.responseCode;
  return typeof code === "number" && code >= 500;
}

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

/** A failed send worth retrying: the job fails and pg-boss runs it again after its back-off. */
export class TransientDeliveryError extends Error {
  constructor(
    readonly inviteId: number,
    readonly reason: string,
  ) {
    super(`Invite ${inviteId}: ${reason}`);
    this.name = "TransientDeliveryError";
  }
}

/**
 * Sends one invite if it is still `queued` (the e-mail job's work; see deliver-invite-job.ts) and marks it
 * `sent`, or `failed` when the server refuses it for good. A transient failure throws
 * TransientDeliveryError and leaves the row queued, so the job's retry sends it later; an invite already
 * sent (a job run twice) is not sent again. Returns null when there was nothing to send.
 */
export async function deliverInvite(
  db: DbOrTx,
  inviteId: number,
  config: MailerConfig,
  now: () => Date = () => new Date(),
): Promise<DeliveryOutcome | null> {
  const [row] = await db
    .select({
      id: emailInvites.id,
      email: emailInvites.email,
      subject: emailInvites.subject,
      body: emailInvites.body,
    })
    .from(emailInvites)
    .where(and(eq(emailInvites.id, inviteId), eq(emailInvites.status, "queued")));
  if (!row) return null;

  const transport = nodemailer.createTransport(config.smtpUrl);
  let outcome: DeliveryOutcome;
  try {
    await transport.sendMail({ from: config.from, to: row.email, subject: row.subject, text: row.body });
    outcome = { id: row.id, status: "sent", reason: null };
  } catch (error) {
    const reason = deliveryFailureReason(error);
    outcome = { id: row.id, status: "failed", reason };
    if (!isPermanentFailure(error)) {
      // Still queued: the referrer and the outbox read why it is late; the job's retry sends it.
      await db
        .update(emailInvites)
        .set({ statusReason: `Retrying soon: ${reason.toLowerCase()}` })
        .where(and(eq(emailInvites.id, row.id), eq(emailInvites.status, "queued")));
      throw new TransientDeliveryError(row.id, reason);
    }
  } finally {
    transport.close();
  }
  await db
    .update(emailInvites)
    .set({
      status: outcome.status,
      statusReason: outcome.reason,
      sentAt: outcome.status === "sent" ? now() : null,
    })
    .where(and(eq(emailInvites.id, row.id), eq(emailInvites.status, "queued")));
  return outcome;
}
