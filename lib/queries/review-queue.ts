import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { commissions, referralUsageLog, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { inCommissionBucket } from "@/lib/commissions/commission-buckets";
import { maskDeviceId, maskEmail, maskPhone } from "@/lib/privacy/mask";
import { VELOCITY_MAX_SIGNUPS, VELOCITY_WINDOW_MINUTES } from "@/lib/referrals/fraud";
import type { FraudRule } from "@/lib/referrals/fraud-rules";

export const REVIEW_QUEUE_LIMIT = 100;

const referred = alias(users, "referred");
const referrer = alias(users, "referrer");

const hasFlag = (rule: FraudRule) =>
  sql<boolean>`(${referralUsageLog.fraudFlags} @> ${JSON.stringify([{ rule }])}::jsonb)`;

/**
 * `/admin/review`: flagged referrals waiting for a decision, oldest first (the partial index
 * `referral_usage_log_review_idx` serves it), optionally one fraud rule's only, with the evidence an admin
 * compares side by side: the new client's signup against the referrer's last known address and device,
 * both normalised mailboxes and phones, and the signups from the same address on the code.
 *
 * The referrer's address is kept only as a hash (users.last_ip_hash), so the referrer's IP is shown when
 * it is known in the clear: when it matches the new client's signup (same hash, or the flag said so at
 * signup time), or when it is still the address of the referrer's own attributed signup. Masked here, so
 * no caller can hand raw data to a browser: e-mails and phones masked, device ids cut to their tail.
 */
export async function getReviewQueue(db: DbOrTx, opts: { reason?: FraudRule; limit?: number } = {}) {
  const held = db
    .select({
      referralId: commissions.referralId,
      heldCents: sql<string>`sum(${commissions.amountCents})`.as("held_cents"),
    })
    .from(commissions)
    .where(inCommissionBucket("onHold", commissions))
    .groupBy(commissions.referralId)
    .as("held");
  const sameIpNow = sql`coalesce(${referralUsageLog.ipHash} = ${referrer.lastIpHash}, false)`;
  const sameDeviceNow = sql`coalesce(${referralUsageLog.deviceId} = ${referrer.lastDeviceId}, false)`;
  const rows = await db
    .select({
      id: referralUsageLog.id,
      codeUsed: referralUsageLog.codeUsed,
      usedAt: referralUsageLog.usedAt,
      source: referralUsageLog.source,
      fraudFlags: referralUsageLog.fraudFlags,
      signupIp: referralUsageLog.signupIp,
      signupUserAgent: referralUsageLog.signupUserAgent,
      deviceId: referralUsageLog.deviceId,
      // "now": the referrer's latest known address/device is this one; "signup": it was when the rule ran.
      ipMatch: sql<"now" | "signup" | null>`CASE WHEN ${sameIpNow} THEN 'now'
        WHEN ${hasFlag("same_ip_as_referrer")} THEN 'signup' END`,
      deviceMatch: sql<"now" | "signup" | null>`CASE WHEN ${sameDeviceNow} THEN 'now'
        WHEN ${hasFlag("same_device_as_referrer")} THEN 'signup' END`,
      // The referrer's own attributed signup, when their last known address is still that one.
      referrerOwnIp: sql<string | null>`(SELECT own.signup_ip FROM referral_usage_log own
        WHERE own.referred_user_id = ${referrer.id} AND own.ip_hash = ${referrer.lastIpHash})`,
      // Signups on this code from this address within the velocity window up to this one (this included);
      // an index range on referral_usage_log_velocity_idx.
      signupsFromIp: sql<number>`CASE WHEN ${referralUsageLog.ipHash} IS NULL THEN NULL ELSE
        (SELECT count(*)::int FROM referral_usage_log v
          WHERE v.referral_code_id = ${referralUsageLog.referralCodeId} AND v.ip_hash = ${referralUsageLog.ipHash}
            AND v.used_at > ${referralUsageLog.usedAt} - make_interval(mins => ${VELOCITY_WINDOW_MINUTES}::int)
            AND v.used_at <= ${referralUsageLog.usedAt}) END`,
      // Another account with the same mailbox once dots and +tags are folded (the e-mail alias rule).
      aliasOfEmail: sql<string | null>`(SELECT o.email FROM users o
        WHERE o.normalized_email = ${referred.normalizedEmail} AND o.id <> ${referred.id} ORDER BY o.id LIMIT 1)`,
      referredName: referred.name,
      referredEmail: referred.email,
      referredNormalizedEmail: referred.normalizedEmail,
      referredPhone: referred.phone,
      referredJoinedAt: referred.createdAt,
      referrerName: referrer.name,
      referrerEmail: referrer.email,
      referrerNormalizedEmail: referrer.normalizedEmail,
      referrerPhone: referrer.phone,
      referrerJoinedAt: referrer.createdAt,
      referrerHasIp: sql<boolean>`${referrer.lastIpHash} IS NOT NULL`,
      referrerHasDevice: sql<boolean>`${referrer.lastDeviceId} IS NOT NULL`,
      referrerDeviceId: referrer.lastDeviceId,
      heldCents: held.heldCents,
    })
    .from(referralUsageLog)
    .innerJoin(referred, eq(referred.id, referralUsageLog.referredUserId))
    .leftJoin(referrer, eq(referrer.id, referralUsageLog.referrerUserId))
    .leftJoin(held, eq(held.referralId, referralUsageLog.id))
    .where(
      and(
        eq(referralUsageLog.isFlagged, true),
        eq(referralUsageLog.reviewStatus, "pending"),
        opts.reason ? hasFlag(opts.reason) : undefined,
      ),
    )
    .orderBy(asc(referralUsageLog.usedAt), asc(referralUsageLog.id))
    .limit(opts.limit ?? REVIEW_QUEUE_LIMIT);
  return rows.map(
    ({
      referredEmail,
      referrerEmail,
      deviceId,
      referrerDeviceId,
      referredNormalizedEmail,
      referrerNormalizedEmail,
      referredPhone,
      referrerPhone,
      aliasOfEmail,
      ...r
    }) => ({
      ...r,
      referredEmailMasked: maskEmail(referredEmail),
      referrerEmailMasked: referrerEmail === null ? null : maskEmail(referrerEmail),
      referredMailboxMasked: maskEmail(referredNormalizedEmail),
      referrerMailboxMasked: referrerNormalizedEmail === null ? null : maskEmail(referrerNormalizedEmail),
      sameMailbox: referrerNormalizedEmail !== null && referrerNormalizedEmail === referredNormalizedEmail,
      aliasOfMasked: aliasOfEmail === null ? null : maskEmail(aliasOfEmail),
      referredPhoneMasked: referredPhone === null ? null : maskPhone(referredPhone),
      referrerPhoneMasked: referrerPhone === null ? null : maskPhone(referrerPhone),
      samePhone: referredPhone !== null && referredPhone === referrerPhone,
      deviceTail: deviceId ? maskDeviceId(deviceId) : null,
      referrerDeviceTail: referrerDeviceId ? maskDeviceId(referrerDeviceId) : null,
      velocityLimit: { signups: VELOCITY_MAX_SIGNUPS, minutes: VELOCITY_WINDOW_MINUTES },
      heldCents: Number(r.heldCents ?? 0),
    }),
  );
}

export type ReviewQueueItem = Awaited<ReturnType<typeof getReviewQueue>>[number];
