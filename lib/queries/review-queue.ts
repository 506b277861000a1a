import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { commissions, referralUsageLog, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { inCommissionBucket } from "@/lib/commissions/commission-buckets";
import { maskDeviceId, maskEmail } from "@/lib/privacy/mask";

export const REVIEW_QUEUE_LIMIT = 100;

const referred = alias(users, "referred");
const referrer = alias(users, "referrer");

/**
 * `/admin/review`: flagged referrals waiting for a decision, oldest first (the partial index
 * `referral_usage_log_review_idx` serves it), with the evidence an admin compares: the new client's
 * signup beside the referrer's last known IP hash and device. Masked here, so no caller can hand the raw
 * data to a browser: both e-mails masked, the device id cut to its tail, the referrer's IP hash and
 * device only compared (never returned).
 */
export async function getReviewQueue(db: DbOrTx, limit = REVIEW_QUEUE_LIMIT) {
  const held = db
    .select({
      referralId: commissions.referralId,
      heldCents: sql<string>`sum(${commissions.amountCents})`.as("held_cents"),
    })
    .from(commissions)
    .where(inCommissionBucket("onHold", commissions))
    .groupBy(commissions.referralId)
    .as("held");
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
      sameIp: sql<boolean>`coalesce(${referralUsageLog.ipHash} = ${referrer.lastIpHash}, false)`,
      sameDevice: sql<boolean>`coalesce(${referralUsageLog.deviceId} = ${referrer.lastDeviceId}, false)`,
      referredName: referred.name,
      referredEmail: referred.email,
      referredJoinedAt: referred.createdAt,
      referrerName: referrer.name,
      referrerEmail: referrer.email,
      referrerJoinedAt: referrer.createdAt,
      referrerHasIp: sql<boolean>`${referrer.lastIpHash} IS NOT NULL`,
      referrerHasDevice: sql<boolean>`${referrer.lastDeviceId} IS NOT NULL`,
      heldCents: held.heldCents,
    })
    .from(referralUsageLog)
    .innerJoin(referred, eq(referred.id, referralUsageLog.referredUserId))
    .leftJoin(referrer, eq(referrer.id, referralUsageLog.referrerUserId))
    .leftJoin(held, eq(held.referralId, referralUsageLog.id))
    .where(and(eq(referralUsageLog.isFlagged, true), eq(referralUsageLog.reviewStatus, "pending")))
    .orderBy(asc(referralUsageLog.usedAt), asc(referralUsageLog.id))
    .limit(limit);
  return rows.map(({ referredEmail, referrerEmail, deviceId, ...r }) => ({
    ...r,
    referredEmailMasked: maskEmail(referredEmail),
    referrerEmailMasked: maskEmail(referrerEmail ?? ""),
    deviceTail: deviceId ? maskDeviceId(deviceId) : null,
    heldCents: Number(r.heldCents ?? 0),
  }));
}

export type ReviewQueueItem = Awaited<ReturnType<typeof getReviewQueue>>[number];
