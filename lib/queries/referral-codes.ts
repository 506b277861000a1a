import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { commissions, referralCodes, referralUsageLog } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { inCommissionBucket } from "@/lib/commissions/commission-buckets";
import { centsToDecimal } from "@/lib/format";
import type { ReferralCode } from "@/lib/referrals/create-code";

/** A code as the seed's API shows it (create and update responses). */
export function referralCodeJson(code: ReferralCode) {
  return {
    id: code.id,
    code: code.code,
    code_name: code.codeName,
    usage_limit: code.usageLimit,
    usage_count: code.usageCount,
    expires_at: code.expiresAt,
    is_active: code.isActive,
    campaign_id: code.campaignId,
    created_at: code.createdAt,
    updated_at: code.updatedAt,
  };
}

export type ClientCodeSummary = ReturnType<typeof referralCodeJson> & {
  actual_usage_count: number;
  eligible_referrals: number;
  /** The seed's money string ("29.97"), summed in integer cents. */
  total_commission_earned: string;
};

/**
 * GET /api/clients/:id/referral-codes: every code of the client with the seed's counters. Usage is
 * counted from the log (it must agree with the trigger-maintained `usage_count`); commission earned is
 * the direct-level ledger of the code's referrals, reversals included (they are negative rows), rejected
 * rows excluded.
 */
export async function listClientCodes(db: DbOrTx, clientId: number): Promise<ClientCodeSummary[]> {
  const usage = db
    .select({
      codeId: referralUsageLog.referralCodeId,
      actual: sql<number>`count(*)::int`.as("actual"),
      eligible: sql<number>`(count(*) filter (where ${referralUsageLog.commissionEligible}))::int`.as(
        "eligible",
      ),
    })
    .from(referralUsageLog)
    .innerJoin(referralCodes, eq(referralCodes.id, referralUsageLog.referralCodeId))
    .where(eq(referralCodes.clientId, clientId))
    .groupBy(referralUsageLog.referralCodeId)
    .as("usage");
  const earned = db
    .select({
      codeId: referralUsageLog.referralCodeId,
      // bigint: the sum of int4 cents may exceed int4; as text it stays exact until mapped.
      cents: sql<string>`sum(${commissions.amountCents})::bigint`.as("cents"),
    })
    .from(commissions)
    .innerJoin(referralUsageLog, eq(referralUsageLog.id, commissions.referralId))
    .innerJoin(referralCodes, eq(referralCodes.id, referralUsageLog.referralCodeId))
    .where(
      and(
        eq(referralCodes.clientId, clientId),
        eq(commissions.level, "direct"),
        inCommissionBucket("earned", commissions),
      ),
    )
    .groupBy(referralUsageLog.referralCodeId)
    .as("earned");

  const rows = await db
    .select({
      code: referralCodes,
      actual: sql<number>`coalesce(${usage.actual}, 0)`.mapWith(Number),
      eligible: sql<number>`coalesce(${usage.eligible}, 0)`.mapWith(Number),
      cents: sql<number>`coalesce(${earned.cents}, 0)`.mapWith(Number),
    })
    .from(referralCodes)
    .leftJoin(usage, eq(usage.codeId, referralCodes.id))
    .leftJoin(earned, eq(earned.codeId, referralCodes.id))
    .where(eq(referralCodes.clientId, clientId))
    .orderBy(asc(referralCodes.createdAt), asc(referralCodes.id));

  // In the seed's field order.
  return rows.map(({ code, actual, eligible, cents }) => ({
    id: code.id,
    code: code.code,
    code_name: code.codeName,
    usage_limit: code.usageLimit,
    usage_count: code.usageCount,
    actual_usage_count: actual,
    eligible_referrals: eligible,
    total_commission_earned: centsToDecimal(cents),
    expires_at: code.expiresAt,
    is_active: code.isActive,
    campaign_id: code.campaignId,
    created_at: code.createdAt,
    updated_at: code.updatedAt,
  }));
}
