import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { commissions, referralUsageLog, subscriptions, subscriptionTiers } from "@/db/schema";
import type { subscriptionStatus } from "@/db/schema/enums";
import type { DbOrTx } from "@/db/types";
import { syncReferralSummaries } from "./referral-summary";
import { reverseEarnings, type Commission } from "./reverse-commissions";

export type SubscriptionChange = {
  subscriptionId: number;
  status: (typeof subscriptionStatus.enumValues)[number];
  /** The provider's subscription id, remembered so later events find the subscription directly. */
  externalId?: string | null;
  /** Monthly price now charged: selects the tier with that price (an upgrade or downgrade). */
  monthlyPriceCents?: number | null;
  currentPeriodEnd?: Date | null;
  at: Date;
};

/**
 * Applies a subscription's new state. Cancelling ends the run of continuous months and claws back the
 * referral's commissions still inside their hold (SPEC: churn clawback inside the hold): they are
 * reversed in full by reversal rows. Commissions already approved or paid stand.
 */
export async function applySubscriptionChange(
  db: DbOrTx,
  change: SubscriptionChange,
): Promise<{ clawedBack: Commission[] }> {
  return db.transaction(async (tx) => {
    const [subscription] = await tx
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, change.subscriptionId))
      .for("update");
    if (!subscription) return { clawedBack: [] };
    const tier =
      change.monthlyPriceCents !== null && change.monthlyPriceCents !== undefined
        ? (
            await tx
              .select({ id: subscriptionTiers.id })
              .from(subscriptionTiers)
              .where(eq(subscriptionTiers.monthlyPriceCents, change.monthlyPriceCents))
              .limit(1)
          )[0]
        : undefined;
    const canceling = change.status === "canceled" && subscription.status !== "canceled";
    await tx
      .update(subscriptions)
      .set({
        status: change.status,
        tierId: tier?.id ?? subscription.tierId,
        externalId: subscription.externalId ?? change.externalId ?? null,
        currentPeriodEnd: change.currentPeriodEnd ?? subscription.currentPeriodEnd,
        ...(change.status === "canceled"
          ? { canceledAt: subscription.canceledAt ?? change.at, continuousSince: null }
          : { canceledAt: null }),
        updatedAt: change.at,
      })
      .where(eq(subscriptions.id, subscription.id));
    if (!canceling) return { clawedBack: [] };

    const [referral] = await tx
      .select({ id: referralUsageLog.id })
      .from(referralUsageLog)
      .where(eq(referralUsageLog.referredUserId, subscription.userId));
    if (!referral) return { clawedBack: [] };
    const inHold = await tx
      .select()
      .from(commissions)
      .where(
        and(
          eq(commissions.referralId, referral.id),
          eq(commissions.kind, "earning"),
          eq(commissions.status, "pending"),
          isNull(commissions.payoutId),
          inArray(commissions.level, ["direct", "partner"]),
          gt(commissions.holdUntil, change.at),
        ),
      )
      .orderBy(commissions.id)
      .for("update");
    const clawedBack = await reverseEarnings(tx, {
      earnings: inHold,
      targetCents: (earning) => earning.amountCents,
      paymentId: null,
      note: "Clawback: subscription canceled inside the hold",
      now: change.at,
    });
    await syncReferralSummaries(tx, [referral.id]);
    return { clawedBack };
  });
}
