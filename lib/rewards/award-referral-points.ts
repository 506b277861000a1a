import type { Tx } from "@/db/types";
import { creditPointsBatch, creditPointsClaiming, type CreditInput, type OneTimeClaim } from "./ledger";
import { loadRewardRules, type RewardRuleSet } from "./load-reward-rules";
import { awardMilestones, milestoneBonusCredit } from "./milestones";
import { awardOfferBonuses, offerBonusCredit, offersEarned } from "./offers";
import { countQualifiedReferrals, type QualifiedScope } from "./qualified-referrals";
import { readReferrerStanding } from "./referrer-standing";
import { milestonesReached, referrerPointsFor, type Badge } from "./rules";

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
  let badges: Badge[] = [];
  let offerRuleIds: number[] = [];
  const ctx = { referrerId: input.referrerId, referralId: input.referralId, now, rules, awaitsFirstPayment };
  if (standing) {
    // The standing says which offers and badges this referral completes: their rows and bonuses go into
    // the credits' one statement, each bonus written only if its row went in (the primary key decides).
    const claims: OneTimeClaim[] = [];
    const claimed: (CreditInput & { claim?: number })[] = [];
    if (!flagged) {
      for (const offer of offersEarned(ctx, standing.offers)) {
        claimed.push({ ...offerBonusCredit(offer, ctx), claim: claims.length });
        claims.push({ kind: "offer", userId: input.referrerId, ruleId: offer.ruleId, at: now });
      }
      for (const milestone of milestonesReached(rules.milestones, qualified)) {
        if (standing.badges.has(milestone.badge)) continue;
        if (milestone.bonusPoints > 0)
          claimed.push({ ...milestoneBonusCredit(milestone, ctx), claim: claims.length });
        claims.push({ kind: "badge", userId: input.referrerId, badge: milestone.badge, at: now });
      }
    }
    const { won } = await creditPointsClaiming(tx, [...credits, ...claimed], claims);
    for (const i of won) {
      const claim = claims[i];
      if (claim.kind === "offer") offerRuleIds.push(claim.ruleId);
      else badges.push(claim.badge);
    }
  } else {
    await creditPointsBatch(tx, credits);
    if (!flagged) {
      offerRuleIds = await awardOfferBonuses(tx, { ...ctx, scope });
      badges = await awardMilestones(tx, { ...ctx, qualifiedReferrals: qualified });
    }
  }
  return {
    referrer: { ordinal, basePoints: points.basePoints, tierBonusPoints: points.tierBonusPoints, pending },
    newClientPoints,
    badges,
    offerRuleIds,
  };
}
