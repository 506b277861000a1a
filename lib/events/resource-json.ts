import type { payoutBatches, referralUsageLog } from "@/db/schema";

type ReferralRow = typeof referralUsageLog.$inferSelect;

/** A referral as webhooks report it: the usage-log row without the IP, its hash, the agent and the device. */
export function referralJson(row: ReferralRow) {
  return {
    id: row.id,
    referralCodeId: row.referralCodeId,
    referrerUserId: row.referrerUserId,
    referredUserId: row.referredUserId,
    codeUsed: row.codeUsed,
    source: row.source,
    isFlagged: row.isFlagged,
    fraudFlags: row.fraudFlags,
    reviewStatus: row.reviewStatus,
    reviewedAt: row.reviewedAt,
    commissionEligible: row.commissionEligible,
    usedAt: row.usedAt,
  };
}

type PayoutBatchRow = typeof payoutBatches.$inferSelect;

/**
 * payout_batch.created: the batch as payout.paid reports it (id, status, total_cents in usd,
 * currency_totals per currency {"usd": 11000, "eur": 399}, created_by_user_id, created_at, …) and its
 * number of lines (one per referrer and currency).
 */
export function payoutBatchCreatedJson(batch: PayoutBatchRow, lines: number) {
  return { ...batch, lines };
}

// The payloads migration 0035's triggers record (snake_case already, as every payload is once stored):
/** badge.earned: a milestone badge won — `badge` is the enum value ("gold"), `name` its display name. */
export type BadgeEarnedPayload = { user_id: number; badge: string; name: string; awarded_at: string };
/**
 * tier.reached: the referrer's commission tier rose (never sent when it falls back): the tier's name, its
 * multiplier (1.1 = ×1.1), its threshold and the qualified referrals that reached it.
 */
export type TierReachedPayload = {
  user_id: number;
  name: string;
  multiplier: number;
  min_referrals: number;
  qualified_referrals: number;
};
