import "server-only";
import { asc, eq } from "drizzle-orm";
import { rewardCatalog } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { applyRate, BASE_RATE_BPS, bpsLabel, TIER_MULTIPLIERS } from "@/lib/commissions/calculate-commission";
import { loadRewardRules } from "@/lib/rewards/load-reward-rules";
import { badgeNames, type Badge } from "@/lib/rewards/rules";
import { getSetting } from "@/lib/settings";

/** The program as it stands: what the public landing page promises, read from the same rules that pay. */
export type ProgramTerms = {
  commissionTiers: { fromReferrals: number; rate: string }[];
  holdDays: number;
  referrerPoints: number;
  newClientPoints: number;
  catalog: { costPoints: number; name: string }[];
  milestones: { badge: Badge; badgeName: string; referrals: number }[];
  /** Null when points don't expire (no expiry rule in force). */
  pointsExpireDays: number | null;
};

export async function getProgramTerms(db: DbOrTx, now: Date): Promise<ProgramTerms> {
  const [rules, holdDays, catalog] = await Promise.all([
    loadRewardRules(db, now),
    getSetting(db, "commissionHoldDays"),
    db
      .select({ costPoints: rewardCatalog.costPoints, name: rewardCatalog.name })
      .from(rewardCatalog)
      .where(eq(rewardCatalog.isActive, true))
      .orderBy(asc(rewardCatalog.costPoints), asc(rewardCatalog.sortOrder), asc(rewardCatalog.id)),
  ]);
  // The base rate from the first referral, then each tier multiplier from its threshold up.
  const tiers = [...TIER_MULTIPLIERS].sort((a, b) => a.minReferrals - b.minReferrals);
  return {
    commissionTiers: [
      { fromReferrals: 1, rate: bpsLabel(BASE_RATE_BPS) },
      ...tiers.map((t) => ({
        fromReferrals: t.minReferrals,
        rate: bpsLabel(applyRate(BASE_RATE_BPS, 10_000, t.multiplier)),
      })),
    ],
    holdDays,
    referrerPoints: rules.doubleSided?.referrerPoints ?? 0,
    newClientPoints: rules.doubleSided?.newClientPoints ?? 0,
    catalog,
    milestones: [...rules.milestones]
      .sort((a, b) => a.referrals - b.referrals)
      .map((m) => ({ badge: m.badge, badgeName: badgeNames[m.badge], referrals: m.referrals })),
    pointsExpireDays: rules.expiry?.days ?? null,
  };
}
