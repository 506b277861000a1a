import type { Tx } from "@/db/types";
import { creditPointsBatch, type CreditInput } from "./ledger";
import { loadRewardRules, type RewardRuleSet } from "./load-reward-rules";
import { awardMilestones } from "./milestones";
import { awardOfferBonuses } from "./offers";
import { countQualifiedReferrals, type QualifiedScope } from "./qualified-referrals";
import { readReferrerStanding } from "./referrer-standing";
import { referrerPointsFor, type Badge } from "./rules";

export type ReferralAwardInput = {
  referralId: number;
  referrerId: number;
  referredUserId: number;
  /** Flagged by the fraud rules: every point of this referral waits for an admin's approval. */
  flagged: boolean;
  now: Date;
};

export type ReferralAwardOptions = {
  /** Rules already loaded for `now` (a caller awarding many referrals in a row). */
  rules?: RewardRuleSet;
  /** Count referrals only up to this one (replaying history in order); see QualifiedScope. */
  upTo?: QualifiedScope["upTo"];
};

export type ReferralAward = {
  referrer: { ordinal: number; basePoints: number; tierBonusPoints: number; pending: boolean };
  newClientPoints: number;
  badges: Badge[];
  offerRuleIds: number[];
};

/**
 * The points a referral earns, inside the signup transaction (attributeSignup): the new client's welcome
 * share and the referrer's share of the double-sided rule, the tier schedule's bonus for the referrer's
 * n-th qualified referral, and any offer or milestone this referral completes.
 *
 * - Flagged referrals: all of it stays pending, the new client's share too (a flagged signup may be the
 *   referrer's own second account); the referral does not count toward offers or milestones until an
 *   admin approves it (releaseReferralPoints).
 * - Qualifying activity on: the referrer's points stay pending until the referred client's first payment
 *   (releasePointsOnFirstPayment); the new client's share is theirs at once.
 * - Concurrency: the referral's insert updates the referrer's counters row (a trigger) and holds its lock
 *   until commit, so parallel signups for one referrer get consecutive ordinals and exactly one of them
 *   crosses each milestone — without counting the referrer's history.
 */
export async function awardReferralPoints(
  tx: Tx,
  input: ReferralAwardInput,
  opts: ReferralAwardOptions = {},
): Promise<ReferralAward> {
  const { now, flagged } = input;
  const rules = opts.rules ?? (await loadRewardRules(tx, now));
  const expiryDays = rules.expiry?.days ?? null;
  const awaitsFirstPayment = rules.qualifyingActivity !== null;

  const credits: CreditInput[] = [];
  const newClientPoints = rules.doubleSided?.newClientPoints ?? 0;
  if (newClientPoints > 0) {
    credits.push({
      userId: input.referredUserId,
      points: newClientPoints,
      reason: "referral_new_client",
      status: flagged ? "pending" : "available",
      referralId: input.referralId,
      ruleId: rules.doubleSided!.ruleId,
      expiryDays,
      now,
    });
  }

  const scope: QualifiedScope = { upTo: opts.upTo };
  // The referral's insert moved the referrer's counters and holds their row lock until commit, so
  // concurrent signups of one referrer read consecutive counts. Replaying history counts rows instead.
  const standing = opts.upTo ? null : await readReferrerStanding(tx, input.referrerId, rules, now);
  const qualified = standing
    ? standing.countedReferrals
    : await countQualifiedReferrals(tx, input.referrerId, scope);
  // A flagged referral is not counted yet; its points are priced as the next one and held.
  const ordinal = flagged ? qualified + 1 : qualified;
  const points = referrerPointsFor(ordinal, {
    referrerPoints: rules.doubleSided?.referrerPoints ?? null,
    tiers: rules.tierSchedule?.tiers ?? null,
  });
  const pending = flagged || awaitsFirstPayment;
  const held = { status: pending ? "pending" : "available", awaitsFirstPayment } as const;
  if (points.basePoints > 0) {
    credits.push({
      userId: input.referrerId,
      points: points.basePoints,
      reason: "referral_referrer",
      ...held,
      referralId: input.referralId,
      ruleId: rules.doubleSided!.ruleId,
      note: `Referral #${ordinal}`,
      expiryDays,
      now,
    });
  }
  if (points.tierBonusPoints > 0) {
    credits.push({
      userId: input.referrerId,
      points: points.tierBonusPoints,
      reason: "tier_schedule",
      ...held,
      referralId: input.referralId,
      ruleId: rules.tierSchedule!.ruleId,
      note: `Referral #${ordinal} · tier ${points.tierLabel}`,
      expiryDays,
      now,
    });
  }
  await creditPointsBatch(tx, credits);

  let badges: Badge[] = [];
  let offerRuleIds: number[] = [];
  if (!flagged) {
    const ctx = {
      referrerId: input.referrerId,
      referralId: input.referralId,
      now,
      rules,
      awaitsFirstPayment,
    };
    offerRuleIds = await awardOfferBonuses(tx, { ...ctx, scope, standing: standing?.offers });
    badges = await awardMilestones(tx, {
      ...ctx,
      qualifiedReferrals: qualified,
      heldBadges: standing?.badges,
    });
  }
  return {
    referrer: { ordinal, basePoints: points.basePoints, tierBonusPoints: points.tierBonusPoints, pending },
    newClientPoints,
    badges,
    offerRuleIds,
  };
}
