import "server-only";
import { and, eq, gt, inArray, ne, sql } from "drizzle-orm";
import { emailInvites, referralCodes, users } from "@/db/schema";
import type { DbOrTx, Tx } from "@/db/types";
import { DomainError } from "@/lib/errors";
import { normalizeEmail } from "@/lib/referrals/normalize-email";
import { checkCode } from "@/lib/referrals/validate-code";
import { loadNewClientOffer } from "@/lib/sharing/new-client-offer";
import { offerText } from "@/lib/sharing/offer-text";
import { inviteLink } from "@/lib/sharing/share-links";
import { buildInviteEmail } from "./invite-email";
import { enqueueInviteEmails } from "./invite-email-jobs";
import { mailerConfigFromEnv } from "./mailer";

/** Invites (queued, sent or failed — skipped ones don't count) one referrer may send in any rolling 24 hours. */
export const DAILY_INVITE_LIMIT = 20;
const DAY_MS = 24 * 60 * 60 * 1000;
/** The same referrer inviting the same mailbox again within this many days is skipped, so nobody is nagged. */
export const REINVITE_WINDOW_DAYS = 30;

export const SKIP_REASONS = {
  own: "That's your own address",
  duplicate: "Duplicate in this list",
  client: "Already a MuseNest client",
  invited: `Already invited in the last ${REINVITE_WINDOW_DAYS} days`,
  limit: `Daily limit of ${DAILY_INVITE_LIMIT} reached`,
} as const;

/** A queued invite's note while its e-mail job has it (no note: SMTP is off and the invite waits in the outbox). */
export const SENDING_NOTE = "Being sent: it reaches the mail server within a minute";

export type InviteStatus = (typeof emailInvites.$inferSelect)["status"];
export type InviteResult = { id: number; email: string; status: InviteStatus; reason: string | null };
export type SendEmailInvitesResult = { results: InviteResult[]; remainingToday: number };

export type SendEmailInvitesInput = {
  referrerUserId: number;
  codeId: number;
  /** As parsed by `emailInvitesSchema`: trimmed, lower-cased, valid, in the order typed (duplicates kept). */
  addresses: string[];
  now: Date;
  /** The app's public origin, for the `/r/CODE?src=email` link. */
  origin: string;
  /**
   * Whether to hand the queued invites to the e-mail queue (default: when `SMTP_URL` is set). Without
   * it every invite stays queued in the outbox.
   */
  deliver?: boolean;
};

async function usableOwnCode(tx: Tx, referrerUserId: number, codeId: number, now: Date) {
  const [own] = await tx
    .select({ code: referralCodes.code })
    .from(referralCodes)
    .where(and(eq(referralCodes.id, codeId), eq(referralCodes.clientId, referrerUserId)));
  // Another client's code id is reported exactly like a missing one.
  if (!own) throw new DomainError("code_not_found", "Choose one of your own codes", { field: "code_id" });
  const check = await checkCode(tx, own.code, now);
  if (!check.valid)
    throw new DomainError("code_unusable", `${own.code}: ${check.error}. Choose another code.`, {
      field: "code_id",
    });
  return check.code;
}

/** Invites that used up the allowance in the 24 hours before `now`. Call it with the referrer's row locked. */
export async function countInvitesInLastDay(db: DbOrTx, referrerUserId: number, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(emailInvites)
    .where(
      and(
        eq(emailInvites.referrerUserId, referrerUserId),
        ne(emailInvites.status, "skipped"),
        gt(emailInvites.createdAt, new Date(now.getTime() - DAY_MS)),
      ),
    );
  return row?.n ?? 0;
}

/**
 * Records one invite per address and decides each in one transaction: skipped (with the reason the
 * referrer sees) or queued. When SMTP is configured, each queued invite's e-mail job is enqueued in the
 * same transaction (invite-email-jobs.ts): the request never waits for the mail server, and a send that
 * fails is retried with back-off by the job queue instead of being lost.
 *
 * The daily limit holds under concurrent submissions by construction: the referrer's own `users` row is
 * locked first, so submissions by the same referrer run one after another and each counts what the
 * previous ones committed. (Different referrers don't wait for each other.)
 */
export async function sendEmailInvites(
  db: DbOrTx,
  input: SendEmailInvitesInput,
): Promise<SendEmailInvitesResult> {
  const { referrerUserId, codeId, addresses, now, origin } = input;
  if (!addresses.length)
    throw new DomainError("no_addresses", "Enter at least one e-mail address", { field: "addresses" });

  const deliver = input.deliver ?? mailerConfigFromEnv() !== null;
  const recorded = await db.transaction(async (tx) => {
    const [referrer] = await tx
      .select({ id: users.id, name: users.name, normalizedEmail: users.normalizedEmail })
      .from(users)
      .where(eq(users.id, referrerUserId))
      .for("update");
    if (!referrer) throw new DomainError("not_found", "Your account was not found", { status: 404 });

    const code = await usableOwnCode(tx, referrerUserId, codeId, now);
    const offer = offerText(await loadNewClientOffer(tx, now));
    const message = buildInviteEmail({
      referrerName: referrer.name,
      code: code.code,
      offer,
      link: inviteLink(origin, code.code, "email"),
    });

    const normalized = addresses.map(normalizeEmail);
    const clients = normalized.length
      ? await tx
          .select({ normalizedEmail: users.normalizedEmail })
          .from(users)
          .where(inArray(users.normalizedEmail, [...new Set(normalized)]))
      : [];
    const clientMailboxes = new Set(clients.map((c) => c.normalizedEmail));

    // Bounded by the daily limit × the window (≈600 rows), so comparing mailboxes here is cheap; the
    // stored address is as typed, and `normalizeEmail` decides which ones reach the same inbox.
    const earlier = await tx
      .select({ email: emailInvites.email })
      .from(emailInvites)
      .where(
        and(
          eq(emailInvites.referrerUserId, referrerUserId),
          inArray(emailInvites.status, ["queued", "sent"]),
          gt(emailInvites.createdAt, new Date(now.getTime() - REINVITE_WINDOW_DAYS * DAY_MS)),
        ),
      );
    const invitedMailboxes = new Set(earlier.map((e) => normalizeEmail(e.email)));

    let remaining = Math.max(0, DAILY_INVITE_LIMIT - (await countInvitesInLastDay(tx, referrerUserId, now)));
    const seen = new Set<string>();
    const rows = addresses.map((email, i) => {
      const mailbox = normalized[i];
      let reason: string | null = null;
      if (mailbox === referrer.normalizedEmail) reason = SKIP_REASONS.own;
      else if (seen.has(mailbox)) reason = SKIP_REASONS.duplicate;
      else if (clientMailboxes.has(mailbox)) reason = SKIP_REASONS.client;
      else if (invitedMailboxes.has(mailbox)) reason = SKIP_REASONS.invited;
      else if (remaining <= 0) reason = SKIP_REASONS.limit;
      seen.add(mailbox);
      if (!reason) remaining--;
      return {
        referrerUserId,
        referralCodeId: code.id,
        email,
        subject: message.subject,
        body: message.text,
        status: reason ? ("skipped" as const) : ("queued" as const),
        statusReason: reason ?? (deliver ? SENDING_NOTE : null),
        createdAt: now,
      };
    });

    const inserted = await tx.insert(emailInvites).values(rows).returning({
      id: emailInvites.id,
      email: emailInvites.email,
      status: emailInvites.status,
      reason: emailInvites.statusReason,
    });
    if (deliver) {
      await enqueueInviteEmails(
        tx,
        inserted.filter((r) => r.status === "queued").map((r) => r.id),
      );
    }
    return { results: inserted, remaining };
  });

  return { results: recorded.results, remainingToday: recorded.remaining };
}
