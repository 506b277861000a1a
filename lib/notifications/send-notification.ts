import "server-only";
import { and, eq, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { z } from "zod";
import { notificationOutbox, notificationPreferences, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { deliveryFailureReason, isPermanentFailure, type MailerConfig } from "@/lib/invites/mailer";
import { notificationMessageSchema } from "./messages";
import type { RenderNotification } from "./notification-settings";
import { notificationFrame } from "./render-drafts";

/** A send claimed longer ago than this is taken to have died with its instance and may be claimed again. */
export const STALE_CLAIM_MS = 15 * 60_000;

export type SendContext = {
  config: MailerConfig;
  origin: string;
  /** Only for a row queued before its rendering was stored (0044); every other row is mailed as stored. */
  render: RenderNotification;
  now?: () => Date;
};

export const notificationJobSchema = z.object({ notificationId: z.number().int().positive() });

/** Thrown for a failure worth retrying: the row is queued again and pg-boss runs the job after its back-off. */
export class TransientNotificationError extends Error {
  constructor(id: number, reason: string) {
    super(`Notification ${id}: ${reason}`);
    this.name = "TransientNotificationError";
  }
}

/**
 * Sends one outbox row, once, as it was rendered when it was queued (subject, text and HTML on the row).
 * The row is claimed first (queued → sending, a committed status change), so
 * a job run twice, a sweeper's extra job or a second instance finds nothing to do; only a claim left by an
 * instance that died mid-send (older than STALE_CLAIM_MS) is taken again. A kind turned off after the
 * message was queued is not sent (`skipped`). A transient SMTP failure puts the row back to queued and
 * throws, so the job's retry sends it; a 5xx refusal marks it failed for good.
 */
export async function sendNotification(
  db: DbOrTx,
  id: number,
  ctx: SendContext,
): Promise<"sent" | "failed" | "skipped" | null> {
  const now = ctx.now ?? (() => new Date());
  const claimedAt = now();
  const [row] = await db
    .update(notificationOutbox)
    .set({ status: "sending", attempts: sql`${notificationOutbox.attempts} + 1`, claimedAt })
    .where(
      and(
        eq(notificationOutbox.id, id),
        sql`(${notificationOutbox.status} = 'queued' OR (${notificationOutbox.status} = 'sending'
              AND ${notificationOutbox.claimedAt} < ${new Date(claimedAt.getTime() - STALE_CLAIM_MS).toISOString()}::timestamptz))`,
      ),
    )
    .returning();
  if (!row) return null;
  const finish = (values: Partial<typeof notificationOutbox.$inferInsert>) =>
    db
      .update(notificationOutbox)
      .set(values)
      .where(and(eq(notificationOutbox.id, id), eq(notificationOutbox.status, "sending")));

  const [recipient] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      enabled: notificationPreferences.enabled,
    })
    .from(users)
    .leftJoin(
      notificationPreferences,
      and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.kind, row.kind)),
    )
    .where(eq(users.id, row.userId));
  if (!recipient || recipient.enabled === false) {
    await finish({ status: "skipped", lastError: "Turned off by the recipient before it was sent" });
    return "skipped";
  }
  const message = notificationMessageSchema.parse(row.message);
  const frame = notificationFrame(recipient, message.kind, row.actionPath, ctx.origin);
  let rendered = row.html === null ? null : { subject: row.subject, text: row.body, html: row.html };
  if (!rendered) {
    // Queued before renderings were stored: rendered here once and stored, so a retry mails the same.
    rendered = await ctx.render(message, frame);
    await finish({ subject: rendered.subject, body: rendered.text, html: rendered.html });
  }
  const transport = nodemailer.createTransport(ctx.config.smtpUrl);
  try {
    await transport.sendMail({
      from: ctx.config.from,
      to: recipient.email,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      // RFC 2369 + RFC 8058: mail clients show an unsubscribe button that POSTs to the link, no sign-in.
      headers: {
        "List-Unsubscribe": `<${frame.unsubscribeUrl}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        // Lets recipients (and tests) filter by kind without parsing the subject.
        "X-MuseNest-Notification": message.kind,
      },
    });
  } catch (error) {
    const reason = deliveryFailureReason(error);
    if (isPermanentFailure(error)) {
      await finish({ status: "failed", lastError: reason });
      return "failed";
    }
    await finish({ status: "queued", lastError: `Retrying soon: ${reason.toLowerCase()}` });
    throw new TransientNotificationError(id, reason);
  } finally {
    transport.close();
  }
  await finish({ status: "sent", sentAt: now(), lastError: null });
  return "sent";
}

/** The send job: without SMTP the row waits in the outbox (the sweeper hands it on once SMTP is set). */
export async function runNotificationSendJob(
  db: DbOrTx,
  data: unknown,
  ctx: Omit<SendContext, "config"> & { config: MailerConfig | null },
) {
  const { notificationId } = notificationJobSchema.parse(data);
  if (!ctx.config) {
    await db
      .update(notificationOutbox)
      .set({ lastError: "Waiting: SMTP_URL is not set" })
      .where(and(eq(notificationOutbox.id, notificationId), eq(notificationOutbox.status, "queued")));
    return null;
  }
  return sendNotification(db, notificationId, { ...ctx, config: ctx.config });
}
