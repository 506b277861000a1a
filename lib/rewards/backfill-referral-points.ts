import { and, asc, isNotNull, notExists, sql } from "drizzle-orm";
import { pointsLedger, referralUsageLog } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { awardReferralPoints } from "./award-referral-points";
import { loadRewardRuleRows, rulesInForce } from "./load-reward-rules";

const BATCH = 100;

/**
 * Awards points for referrals that have none yet — referrals written in bulk (the demo generator inserts
 * them with SQL) or from before the points program. Each goes through awardReferralPoints as if it were
 * signing up at its own time: oldest first, counting only the referrals before it, with the rules in
 * force then, so tiers, offers and milestones land where they would have. Rejected referrals earn
 * nothing; ones still in review get held points. Run it while nothing else signs up (seeding).
 */
export async function backfillReferralPoints(db: DbOrTx): Promise<{ referrals: number }> {
  const todo = await db
    .select({
      id: referralUsageLog.id,
      referrerId: referralUsageLog.referrerUserId,
      referredUserId: referralUsageLog.referredUserId,
      reviewStatus: referralUsageLog.reviewStatus,
      usedAt: referralUsageLog.usedAt,
    })
    .from(referralUsageLog)
    .where(
      and(
        isNotNull(referralUsageLog.referrerUserId),
        sql`${referralUsageLog.reviewStatus} <> 'rejected'`,
        notExists(
          db
            .select({ one: sql`1` })
            .from(pointsLedger)
            .where(sql`${pointsLedger.referralId} = ${referralUsageLog.id}`),
        ),
      ),
    )
    .orderBy(asc(referralUsageLog.usedAt), asc(referralUsageLog.id));

  // Rules do not change during a backfill; which of them were in force differs per referral (offers).
  const ruleRows = await loadRewardRuleRows(db);
  for (let start = 0; start < todo.length; start += BATCH) {
    await db.transaction(async (tx) => {
      for (const referral of todo.slice(start, start + BATCH)) {
        const now = referral.usedAt;
        await awardReferralPoints(
          tx,
          {
            referralId: referral.id,
            referrerId: referral.referrerId!,
            referredUserId: referral.referredUserId,
            flagged: referral.reviewStatus === "pending",
            now,
          },
          { rules: rulesInForce(ruleRows, now), upTo: { referralId: referral.id } },
        );
      }
    });
  }
  return { referrals: todo.length };
}
