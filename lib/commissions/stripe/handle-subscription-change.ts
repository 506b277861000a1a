import { and, desc, eq, or, sql } from "drizzle-orm";
import { subscriptions } from "@/db/schema";
import type { subscriptionStatus } from "@/db/schema/enums";
import type { Tx } from "@/db/types";
import type { StripeSubscription } from "@/lib/validation/stripe-events";
import { applySubscriptionChange } from "../subscription-change";
import { digits } from "./lookups";
import type { Handled } from "./types";

const STATUS: Record<string, (typeof subscriptionStatus.enumValues)[number]> = {
  trialing: "trial",
  active: "active",
  past_due: "past_due",
  unpaid: "past_due",
  incomplete: "past_due",
  paused: "past_due",
  canceled: "canceled",
  incomplete_expired: "canceled",
};

/** customer.subscription.updated / .deleted: the client's subscription follows Stripe's status. */
export async function handleSubscriptionChange(
  tx: Tx,
  sub: StripeSubscription,
  deleted: boolean,
  now: Date,
): Promise<Handled> {
  const status = deleted ? "canceled" : STATUS[sub.status];
  if (!status) return { outcome: "ignored", detail: `subscription status ${sub.status} is not used` };
  const userId = digits(sub.metadata?.user_id);
  const [subscription] = await tx
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(
      or(
        eq(subscriptions.externalId, sub.id),
        userId ? and(eq(subscriptions.userId, userId), sql`${subscriptions.externalId} IS NULL`) : sql`false`,
      ),
    )
    .orderBy(sql`(${subscriptions.externalId} = ${sub.id}) DESC NULLS LAST`, desc(subscriptions.createdAt))
    .limit(1);
  if (!subscription) return { outcome: "ignored", detail: "no client subscription matches" };
  const item = sub.items?.data[0];
  const periodEnd = sub.current_period_end ?? item?.current_period_end;
  const { clawedBack } = await applySubscriptionChange(tx, {
    subscriptionId: subscription.id,
    status,
    externalId: sub.id,
    monthlyPriceCents: item?.price?.unit_amount ?? null,
    currentPeriodEnd: periodEnd ?? null,
    at: sub.canceled_at && status === "canceled" ? sub.canceled_at : now,
  });
  return {
    outcome: "processed",
    detail: clawedBack.length ? `${clawedBack.length} commissions clawed back` : undefined,
  };
}
