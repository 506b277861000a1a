import type { Tx } from "@/db/types";
import type { StripeDispute } from "@/lib/validation/stripe-events";
import { recordPayment } from "../record-payment";
import { findOriginal, undoneCents } from "./lookups";
import type { Handled } from "./types";

/** `charge.dispute.created`: a chargeback for what of the payment is not already refunded. */
export async function handleDisputeCreated(
  tx: Tx,
  dispute: StripeDispute,
  eventCreated: Date,
  now: Date,
): Promise<Handled> {
  const original = await findOriginal(tx, {
    invoiceId: null,
    chargeId: dispute.charge ?? null,
    paymentIntentId: dispute.payment_intent ?? null,
  });
  if (!original) return { outcome: "ignored", detail: "the disputed charge matches no recorded payment" };
  const amount = Math.min(dispute.amount, original.amountCents - (await undoneCents(tx, original.id)));
  if (amount <= 0) return { outcome: "ignored", detail: "the payment was already fully refunded" };
  const result = await recordPayment(
    tx,
    {
      externalId: dispute.id,
      amountCents: amount,
      currency: dispute.currency,
      type: "chargeback",
      refundOf: original.externalId,
      occurredAt: dispute.created ?? eventCreated,
      source: "stripe",
      providerChargeId: dispute.charge ?? null,
    },
    now,
  );
  return { outcome: "processed", paymentId: result.payment.id };
}
