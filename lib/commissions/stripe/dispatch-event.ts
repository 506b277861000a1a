import type { Tx } from "@/db/types";
import type { ParsedStripeEvent } from "@/lib/validation/stripe-events";
import { handleChargeRefunded } from "./handle-charge-refunded";
import { handleDisputeCreated } from "./handle-dispute-created";
import { handleInvoicePaid } from "./handle-invoice-paid";
import { handleSubscriptionChange } from "./handle-subscription-change";
import type { Handled } from "./types";

/** Hands a parsed event to its handler; types we don't use are acknowledged as ignored. */
export async function dispatchStripeEvent(tx: Tx, parsed: ParsedStripeEvent, now: Date): Promise<Handled> {
  if (!parsed.handled) return { outcome: "ignored", detail: `event type ${parsed.event.type} is not used` };
  const event = parsed.event;
  switch (event.type) {
    case "invoice.paid":
      return handleInvoicePaid(tx, event.data.object, event.created, now);
    case "charge.refunded":
      return handleChargeRefunded(tx, event.data.object, event.created, now);
    case "charge.dispute.created":
      return handleDisputeCreated(tx, event.data.object, event.created, now);
    case "customer.subscription.updated":
    case "customer.subscription.deleted":
      return handleSubscriptionChange(
        tx,
        event.data.object,
        event.type === "customer.subscription.deleted",
        now,
      );
  }
}
