import "server-only";
import { asc, eq } from "drizzle-orm";
import { rewardRuleAwards, userBadges, users } from "@/db/schema";
import { badge as badgeEnum } from "@/db/schema/enums";
import type { DbOrTx } from "@/db/types";
import { loadRewardRules } from "@/lib/rewards/load-reward-rules";
import { countQualifiedReferrals, qualifiedReferralTimesSince } from "@/lib/rewards/qualified-referrals";
import {
  badgeNames,
  milestoneProgress,
  offerCountingSince,
  offerProgress,
  type Badge,
} from "@/lib/rewards/rules";
import { getPointsHistory, type PointsHistoryEntry } from "./points-history";

/** Lowest to highest, as the enum declares them. */
const badgeRank: Badge[] = [...badgeEnum.enumValues];

export type MilestoneView = {
  badge: Badge;
  badgeName: string;
  referrals: number;
  bonusPoints: number;
  unlock: string | null;
};

export type OfferView = {
  ruleId: number;
  name: string;
  referrals: number;
  withinDays: number;
  bonusPoints: number;
  endsAt: Date | null;
  counted: number;
  earned: boolean;
};

export type RewardsSummary = {
  balancePoints: number;
  pendingPoints: number;
  qualifiedReferrals: number;
  badges: { badge: Badge; badgeName: string; awardedAt: Date }[];
  current: MilestoneView | null;
  next: MilestoneView | null;
  remaining: number | null;
  /** Every milestone in force, lowest first, and whether the referrer holds its badge. */
  milestones: (MilestoneView & { earned: boolean })[];
  offers: OfferView[];
  recent: PointsHistoryEntry[];
};

/** Spendable and pending points (the ledger keeps these two columns in step with its rows). */
export async function getPointsAccount(
  db: DbOrTx,
  userId: number,
): Promise<{ balancePoints: number; pendingPoints: number }> {
  const [account] = await db
    .select({ balancePoints: users.pointsBalance, pendingPoints: users.pointsPending })
    .from(users)
    .where(eq(users.id, userId));
  return account ?? { balancePoints: 0, pendingPoints: 0 };
}

/** The dashboard's points card: balance, badges, the next milestone and the offers running now. */
export async function getRewardsSummary(
  db: DbOrTx,
  userId: number,
  now = new Date(),
): Promise<RewardsSummary> {
  const [account, rules, qualifiedReferrals, badges, awards, recent] = await Promise.all([
    getPointsAccount(db, userId),
    loadRewardRules(db, now),
    countQualifiedReferrals(db, userId),
    db.select().from(userBadges).where(eq(userBadges.userId, userId)).orderBy(asc(userBadges.awardedAt)),
    db
      .select({ ruleId: rewardRuleAwards.ruleId })
      .from(rewardRuleAwards)
      .where(eq(rewardRuleAwards.userId, userId)),
    getPointsHistory(db, userId, { limit: 4 }),
  ]);
  const view = (m: (typeof rules.milestones)[number] | null): MilestoneView | null =>
    m
      ? {
          badge: m.badge,
          badgeName: badgeNames[m.badge],
          referrals: m.referrals,
          bonusPoints: m.bonusPoints,
          unlock: m.unlock,
        }
      : null;
  // The next badge still to earn (a badge held stays held even if an admin raised its threshold since).
  const progress = milestoneProgress(
    rules.milestones.filter((m) => !badges.some((held) => held.badge === m.badge)),
    qualifiedReferrals,
  );
  const heldBadge = badgeRank.filter((b) => badges.some((held) => held.badge === b)).at(-1) ?? null;
  const bare = (badge: Badge): MilestoneView => ({
    badge,
    badgeName: badgeNames[badge],
    referrals: 0,
    bonusPoints: 0,
    unlock: null,
  });
  const earnedOffers = new Set(awards.map((a) => a.ruleId));
  const offers = await Promise.all(
    rules.offers.map(async (offer): Promise<OfferView> => {
      const times = await qualifiedReferralTimesSince(db, userId, offerCountingSince(offer, now));
      const { counted } = offerProgress(offer, times, now);
      return {
        ruleId: offer.ruleId,
        name: offer.name,
        referrals: offer.referrals,
        withinDays: offer.withinDays,
        bonusPoints: offer.bonusPoints,
        endsAt: offer.endsAt,
        counted: Math.min(counted, offer.referrals),
        earned: earnedOffers.has(offer.ruleId),
      };
    }),
  );
  return {
    balancePoints: account.balancePoints,
    pendingPoints: account.pendingPoints,
    qualifiedReferrals,
    badges: badges.map((b) => ({ badge: b.badge, badgeName: badgeNames[b.badge], awardedAt: b.awardedAt })),
    // The highest badge held — earned once, kept even if an admin later raises its threshold.
    current: heldBadge
      ? (view(rules.milestones.find((m) => m.badge === heldBadge) ?? null) ?? bare(heldBadge))
      : null,
    next: view(progress.next),
    remaining: progress.remaining,
    milestones: [...rules.milestones]
      .sort((a, b) => a.referrals - b.referrals)
      .map((m) => ({ ...view(m)!, earned: badges.some((b) => b.badge === m.badge) })),
    offers,
    recent,
  };
}
