import type { referralUsageLog } from "@/db/schema";

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
