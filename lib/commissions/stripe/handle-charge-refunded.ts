import type { Tx } from "@/db/types";
import type { StripeCharge } from "@/lib/validation/stripe-events";
import { recordPayment } from "../record-payment";
import { findOriginal, undoneCents } from "./lookups";
import type { Handled } from "./types";

/** `charge.refunded`: the newly refunded part of a recorded payment is recorded as a refund. */
export async function handleChargeRefunded(
  tx: Tx,
  charge: StripeCharge,
  eventCreated: Date,
  now: Date,
): Promise<Handled> {
  const original = await findOriginal(tx, {
    invoiceId: charge.invoice ?? null,
    chargeId: charge.id,
    paymentIntentId: charge.payment_intent ?? null,
  });
  if (!original) return { outcome: "ignored", detail: "the refunded charge matches no recorded payment" };
  // `amount_refunded` is cumulative: record only what is new since the refunds already recorded, so
  // events arriving twice or out of order can't refund more than Stripe did.
  const undone = await undoneCents(tx, original.id);
  const amount = Math.min(charge.amount_refunded, original.amountCents) - undone;
  if (amount <= 0) return { outcome: "ignored", detail: "refund already recorded" };
  const result = await recordPayment(
    tx,
    {
      externalId: `${charge.id}:refunded:${charge.amount_refunded}`,
      amountCents: amount,
      currency: charge.currency,
      type: "refund",
      refundOf: original.externalId,
      occurredAt: eventCreated,
      source: "stripe",
      providerChargeId: charge.id,
    },
    now,
  );
  return { outcome: "processed", paymentId: result.payment.id };
}
