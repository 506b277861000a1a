import { rewardRuleAwards } from "@/db/schema";
import type { Tx } from "@/db/types";
import { creditPoints, type CreditInput } from "./ledger";
import type { RewardRuleSet } from "./load-reward-rules";
import { achievementCredit, type AchievementContext } from "./milestones";
import type { OfferStanding } from "./referrer-standing";
import { qualifiedReferralTimesSince, type QualifiedScope } from "./qualified-referrals";
import { offerCountingSince, offerProgress } from "./rules";

/**
 * Pays every time-limited offer in force whose target the referrer has now reached ("refer 3 in 7 days:
 * +500"). Each offer pays a referrer once: the (rule, user) primary key of reward_rule_awards decides, so a
 * second award cannot happen even if two transactions both see the target met.
 */
export async function awardOfferBonuses(
  tx: Tx,
  ctx: AchievementContext & { scope?: QualifiedScope; standing?: Map<number, OfferStanding> },
): Promise<number[]> {
  const paid: number[] = [];
  for (const offer of ctx.rules.offers) {
    // With the referrer's standing read already (the signup's one read), an offer already paid or not
    // reached costs nothing more.
    const known = ctx.standing?.get(offer.ruleId);
    if (known) {
      if (known.paid || known.counted < offer.referrals) continue;
    } else {
      const since = offerCountingSince(offer, ctx.now);
      const times = await qualifiedReferralTimesSince(tx, ctx.referrerId, since, ctx.scope, offer.referrals);
      if (!offerProgress(offer, times, ctx.now).earned) continue;
    }
    const [won] = await tx
      .insert(rewardRuleAwards)
      .values({ ruleId: offer.ruleId, userId: ctx.referrerId, awardedAt: ctx.now })
      .onConflictDoNothing()
      .returning({ ruleId: rewardRuleAwards.ruleId });
    if (!won) continue;
    paid.push(offer.ruleId);
    await creditPoints(tx, offerBonusCredit(offer, ctx));
  }
  return paid;
}

/** The offers in force this referral completes, by the referrer's standing read in the same transaction. */
export function offersEarned(ctx: AchievementContext, standing: Map<number, OfferStanding>) {
  return ctx.rules.offers.filter((offer) => {
    const known = standing.get(offer.ruleId);
    return known !== undefined && !known.paid && known.counted >= offer.referrals;
  });
}

/** The bonus credit of an offer won. */
export function offerBonusCredit(
  offer: RewardRuleSet["offers"][number],
  ctx: AchievementContext,
): CreditInput {
  return achievementCredit(ctx, {
    points: offer.bonusPoints,
    reason: "offer_bonus",
    ruleId: offer.ruleId,
    note: `${offer.name}: ${offer.referrals} referrals in ${offer.withinDays} days`,
  });
}
