// Two questions about a referral, each with one answer:
//   counted   — not held for review (flagged and pending) and not rejected by an admin: what the points
//               schedule, offers, milestones and the leaderboard count (points are earned at signup, before
//               anyone has paid; the qualifying-activity rule is what holds them for a payment).
//   qualified — SPEC's qualified referral: counted AND net paid (payments − refunds − chargebacks) > 0. What
//               commission tiers, campaign bonus thresholds and the referrer's referral statuses and counts
//               use. It falls back when the client is refunded to nothing.
// Both are SQL functions (db/migrations/0010: referral_is_counted, referral_is_qualified) that the counters'
// triggers use too; the fragments below call them, so no TypeScript spelling can drift from the counters.
import { and, count, desc, eq, gte, inArray, or, sql, type SQL } from "drizzle-orm";
import { referralUsageLog } from "@/db/schema";
import type { reviewStatus } from "@/db/schema/enums";
import type { DbOrTx } from "@/db/types";

export const QUALIFIED_REVIEW_STATES = ["not_required", "approved"] as const;

/** `referral_is_qualified(…)` over the referral_usage_log row `alias` names (`FROM referral_usage_log l` → "l"). */
export function isQualifiedSql(alias: string): SQL {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`Not a table alias: ${alias}`);
  return sql.raw(`referral_is_qualified(${alias}.review_status, ${alias}.net_paid_cents)`);
}

/**
 * Where a referral stands, for the referrer: qualified (SPEC's definition, decided by isQualifiedSql), in
 * review, rejected, refunded (paid, then refunded or charged back to nothing: it does not count), or
 * awaiting payment (never paid yet).
 */
export type ReferralStatus = "qualified" | "in_review" | "rejected" | "refunded" | "awaiting_payment";

export function referralStatus(r: {
  /** isQualifiedSql's answer for the row. */
  qualified: boolean;
  reviewStatus: (typeof reviewStatus.enumValues)[number];
  /** The referred client has any payment row (refunded or not). */
  everPaid: boolean;
}): ReferralStatus {
  if (r.qualified) return "qualified";
  if (r.reviewStatus === "rejected") return "rejected";
  if (r.reviewStatus === "pending") return "in_review";
  return r.everPaid ? "refunded" : "awaiting_payment";
}

/**
 * Live signups and reviews read the count from the referrer's counters (lib/referrals/referrer-stats.ts,
 * `countedReferrals`, the same definition kept by a trigger); counting rows is for replaying history.
 *
 * `upTo`: count only referrals up to this one in signup order — for replaying history in order (the demo
 * backfill). Live signups leave it out and count every committed referral: the caller holds the
 * referrer's points lock, so concurrent signups are counted one after another.
 * `include`: a referral that counts although its review has not been recorded as approved yet (it is being
 * approved in this transaction).
 */
export type QualifiedScope = { upTo?: { referralId: number }; include?: number };

function scopeWhere(referrerId: number, scope: QualifiedScope): SQL {
  const qualified = inArray(referralUsageLog.reviewStatus, [...QUALIFIED_REVIEW_STATES]);
  return and(
    eq(referralUsageLog.referrerUserId, referrerId),
    scope.include ? or(qualified, eq(referralUsageLog.id, scope.include)) : qualified,
    // Compared with the stored row itself: a JavaScript Date would drop the timestamp's microseconds.
    scope.upTo
      ? sql`(${referralUsageLog.usedAt}, ${referralUsageLog.id}) <= (SELECT r.used_at, r.id FROM referral_usage_log r WHERE r.id = ${scope.upTo.referralId})`
      : undefined,
  )!;
}

export async function countQualifiedReferrals(
  db: DbOrTx,
  referrerId: number,
  scope: QualifiedScope = {},
): Promise<number> {
  const [row] = await db.select({ n: count() }).from(referralUsageLog).where(scopeWhere(referrerId, scope));
  return row.n;
}

/**
 * Signup times of the referrer's qualified referrals since `since` (an offer's window), newest first.
 * `limit`: an offer only needs to know whether its target is reached, so it reads at most that many
 * (newest first on the (referrer, used_at) index) — the cost is bounded by the target, not the window.
 */
export async function qualifiedReferralTimesSince(
  db: DbOrTx,
  referrerId: number,
  since: Date,
  scope: QualifiedScope = {},
  limit?: number,
): Promise<Date[]> {
  const query = db
    .select({ usedAt: referralUsageLog.usedAt })
    .from(referralUsageLog)
    .where(and(scopeWhere(referrerId, scope), gte(referralUsageLog.usedAt, since)))
    .orderBy(desc(referralUsageLog.usedAt));
  const rows = limit === undefined ? await query : await query.limit(limit);
  return rows.map((r) => r.usedAt);
}
