import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { jsonCol, jsonRead, readBatch, readJson, type JsonRead } from "@/db/json-batch";
import { users } from "@/db/schema";
import { badge as badgeEnum } from "@/db/schema/enums";
import { timestampParam } from "@/db/sql-values";
import type { DbOrTx } from "@/db/types";
import { loadRewardRules, type RewardRuleSet } from "@/lib/rewards/load-reward-rules";
import { badgeNames, milestoneProgress, offerCountingSince, type Badge } from "@/lib/rewards/rules";
import { pointsDebtRead, type PointsDebt } from "./points-debt";
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
  /** Points taken back after they were spent, paid off first by the next points earned. */
  debt: PointsDebt;
  /**
   * Referrals not in review and not rejected: what milestones and offers count (points are earned at
   * signup). Not SPEC's qualified referral (that one also needs net paid > 0; see qualified-referrals.ts).
   */
  countedReferrals: number;
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

/** What the points card reads of the referrer: the account, the counted referrals, badges, offer awards. */
export type RewardsState = {
  balancePoints: number;
  pendingPoints: number;
  /** referrer_stats.counted_referrals: not in review, not rejected — what milestones and offers count. */
  countedReferrals: number;
  badges: { badge: Badge; awardedAt: Date }[];
  awardedRuleIds: number[];
};

/** The referrer's points state as one JSON read: the user row (read once), referrer_stats and two small per-user lists. */
export function rewardsStateRead(userId: number): JsonRead<RewardsState> {
  const query = sql`
    SELECT json_build_object(
      'balance', u.points_balance,
      'pending', u.points_pending,
      'counted', coalesce((SELECT s.counted_referrals FROM referrer_stats s WHERE s.user_id = ${userId}), 0),
      'badges', (SELECT json_agg(json_build_object('badge', b.badge, 'awarded_at', b.awarded_at)
                             ORDER BY b.awarded_at)
                   FROM user_badges b WHERE b.user_id = ${userId}),
      'awards', (SELECT json_agg(a.rule_id) FROM reward_rule_awards a WHERE a.user_id = ${userId}))
      -- One read of the user's row for both balances (a busy referrer's row has many fresh versions to
      -- walk); the outer row exists even without the user, so the shape stays the same.
      FROM (SELECT 1) one LEFT JOIN users u ON u.id = ${userId}`;
  const shape = z.object({
    balance: jsonCol.nullableInt,
    pending: jsonCol.nullableInt,
    counted: jsonCol.int,
    badges: jsonCol.list(z.object({ badge: z.enum(badgeEnum.enumValues), awarded_at: jsonCol.timestamp })),
    awards: jsonCol.list(jsonCol.int),
  });
  return jsonRead(query, shape, (r) => ({
    balancePoints: r.balance ?? 0,
    pendingPoints: r.pending ?? 0,
    countedReferrals: r.counted,
    badges: r.badges.map((b) => ({ badge: b.badge, awardedAt: b.awarded_at })),
    awardedRuleIds: r.awards,
  }));
}

type OfferRule = RewardRuleSet["offers"][number];

/**
 * How many counted referrals fall in each running offer's window (`offerCountingSince`), by rule id —
 * counted only up to the offer's target: the card shows "n of target" and stops there, so each count
 * reads at most `target` matching rows of the (referrer_user_id, used_at) index, however busy the window.
 * One statement for every offer; none when no offer runs.
 */
export async function countOfferWindows(
  db: DbOrTx,
  userId: number,
  offers: OfferRule[],
  now: Date,
): Promise<Map<number, number>> {
  if (!offers.length) return new Map();
  const columns = sql.join(
    offers.map(
      (offer) => sql`${`${offer.ruleId}`}::text, (SELECT count(*) FROM (
        SELECT 1 FROM referral_usage_log l
         WHERE l.referrer_user_id = ${userId} AND l.used_at >= ${timestampParam(offerCountingSince(offer, now))}
           AND referral_is_counted(l.review_status)
         LIMIT ${Math.max(0, offer.referrals)}) w)`,
    ),
    sql`, `,
  );
  const counts = await readJson(
    db,
    jsonRead(sql`SELECT json_build_object(${columns})`, z.record(z.string(), jsonCol.int)),
  );
  return new Map(Object.entries(counts).map(([ruleId, n]) => [Number(ruleId), n]));
}

/** The points card from what was read (pure: the dashboard reads its parts within its own batch). */
export function assembleRewardsSummary(parts: {
  state: RewardsState;
  rules: RewardRuleSet;
  offerCounts: Map<number, number>;
  recent: PointsHistoryEntry[];
  debt: PointsDebt;
}): RewardsSummary {
  const { state, rules, offerCounts, recent, debt } = parts;
  const countedReferrals = state.countedReferrals;
  const badges = state.badges;
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
    countedReferrals,
  );
  const heldBadge = badgeRank.filter((b) => badges.some((held) => held.badge === b)).at(-1) ?? null;
  const bare = (badge: Badge): MilestoneView => ({
    badge,
    badgeName: badgeNames[badge],
    referrals: 0,
    bonusPoints: 0,
    unlock: null,
  });
  const earnedOffers = new Set(state.awardedRuleIds);
  const offers = rules.offers.map((offer): OfferView => ({
    ruleId: offer.ruleId,
    name: offer.name,
    referrals: offer.referrals,
    withinDays: offer.withinDays,
    bonusPoints: offer.bonusPoints,
    endsAt: offer.endsAt,
    counted: Math.min(offerCounts.get(offer.ruleId) ?? 0, offer.referrals),
    earned: earnedOffers.has(offer.ruleId),
  }));
  return {
    balancePoints: state.balancePoints,
    pendingPoints: state.pendingPoints,
    debt,
    countedReferrals,
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

/**
 * The dashboard's points card: balance, badges, the next milestone and the offers running now. Milestone
 * progress is referrer_stats' counted referrals (kept by triggers), offer progress a window count bounded
 * by the offer's target: no statement counts the referrer's history.
 */
export async function getRewardsSummary(
  db: DbOrTx,
  userId: number,
  now = new Date(),
): Promise<RewardsSummary> {
  const [{ state, debt }, rules, recent] = await Promise.all([
    readBatch(db, { state: rewardsStateRead(userId), debt: pointsDebtRead(userId) }),
    loadRewardRules(db, now),
    getPointsHistory(db, userId, { limit: RECENT_POINTS }),
  ]);
  const offerCounts = await countOfferWindows(db, userId, rules.offers, now);
  return assembleRewardsSummary({ state, rules, offerCounts, recent, debt });
}

/** Latest points entries on the card. */
export const RECENT_POINTS = 4;
