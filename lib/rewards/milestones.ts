import { eq } from "drizzle-orm";
import { userBadges } from "@/db/schema";
import type { Tx } from "@/db/types";
import { creditPoints, type CreditInput } from "./ledger";
import type { RewardRuleSet } from "./load-reward-rules";
import { badgeNames, milestonesReached, type Badge } from "./rules";

export type AchievementContext = {
  referrerId: number;
  /** The referral whose signup (or approval) got the referrer here; bonuses point at it. */
  referralId: number;
  now: Date;
  rules: RewardRuleSet;
  /** Held until the referral's first payment when the qualifying-activity rule is on. */
  awaitsFirstPayment: boolean;
};

/**
 * Awards every milestone badge the referrer has reached and does not hold yet, each with its one-time
 * bonus. Exactly once per badge by construction: the caller holds the referrer's points lock (so the count
 * is current), and the bonus is paid only by the transaction whose badge insert went in — the
 * (user, badge) primary key refuses a second one whatever else is running.
 */
export async function awardMilestones(
  tx: Tx,
  ctx: AchievementContext & { qualifiedReferrals: number; heldBadges?: Set<Badge> },
): Promise<Badge[]> {
  const awarded: Badge[] = [];
  const reached = milestonesReached(ctx.rules.milestones, ctx.qualifiedReferrals);
  if (!reached.length) return awarded;
  const held =
    ctx.heldBadges ??
    new Set(
      (
        await tx
          .select({ badge: userBadges.badge })
          .from(userBadges)
          .where(eq(userBadges.userId, ctx.referrerId))
      ).map((b) => b.badge),
    );
  for (const milestone of reached) {
    if (held.has(milestone.badge)) continue;
    const [won] = await tx
      .insert(userBadges)
      .values({ userId: ctx.referrerId, badge: milestone.badge, awardedAt: ctx.now })
      .onConflictDoNothing()
      .returning({ badge: userBadges.badge });
    if (!won) continue;
    awarded.push(won.badge);
    if (milestone.bonusPoints > 0) await creditPoints(tx, milestoneBonusCredit(milestone, ctx));
  }
  return awarded;
}

/**
 * A bonus the referral won for its referrer (a badge, an offer): credited to the referrer, held with the
 * referral's own points until its first payment when those are held, linked to the referral and its rule.
 */
export function achievementCredit(
  ctx: AchievementContext,
  bonus: { points: number; reason: CreditInput["reason"]; ruleId: number; note: string },
): CreditInput {
  return {
    userId: ctx.referrerId,
    points: bonus.points,
    reason: bonus.reason,
    status: ctx.awaitsFirstPayment ? "pending" : "available",
    awaitsFirstPayment: ctx.awaitsFirstPayment,
    referralId: ctx.referralId,
    ruleId: bonus.ruleId,
    note: bonus.note,
    expiryDays: ctx.rules.expiry?.days ?? null,
    now: ctx.now,
  };
}

/** The bonus credit of a milestone badge won (only when its bonus is positive). */
export function milestoneBonusCredit(
  milestone: RewardRuleSet["milestones"][number],
  ctx: AchievementContext,
): CreditInput {
  return achievementCredit(ctx, {
    points: milestone.bonusPoints,
    reason: "milestone_bonus",
    ruleId: milestone.ruleId,
    note: `${badgeNames[milestone.badge]} badge: ${milestone.referrals} referrals${
      milestone.unlock ? ` · unlocks ${milestone.unlock}` : ""
    }`,
  });
}
