import type { Tx } from "@/db/types";
import type { StripeInvoice } from "@/lib/validation/stripe-events";
import { isKnownCurrency } from "@/lib/money/currencies";
import { recordPayment } from "../record-payment";
import { findClient } from "./lookups";
import type { Handled } from "./types";

/** `invoice.paid`: the client's payment is recorded (once), which is what earns commissions. */
export async function handleInvoicePaid(
  tx: Tx,
  invoice: StripeInvoice,
  eventCreated: Date,
  now: Date,
): Promise<Handled> {
  if (invoice.amount_paid <= 0) return { outcome: "ignored", detail: "nothing was paid" };
  // Any ISO 4217 currency earns (Stripe amounts are already in minor units); an unknown code can't be priced.
  if (!isKnownCurrency(invoice.currency)) {
    return { outcome: "ignored", detail: `currency ${invoice.currency} is not an ISO 4217 code` };
  }
  const userIdText =
    invoice.metadata?.user_id ??
    invoice.parent?.subscription_details?.metadata?.user_id ??
    invoice.subscription_details?.metadata?.user_id;
  const client = await findClient(tx, userIdText, invoice.customer_email);
  if (!client) return { outcome: "ignored", detail: "no client matches the invoice" };
  const firstPayment = invoice.payments?.data.find((p) => p.payment)?.payment;
  const result = await recordPayment(
    tx,
    {
      externalId: invoice.id,
      userId: client.id,
      amountCents: invoice.amount_paid,
      currency: invoice.currency,
      type: "payment",
      occurredAt: invoice.status_transitions?.paid_at ?? eventCreated,
      source: "stripe",
      providerChargeId: invoice.charge ?? firstPayment?.charge ?? null,
      providerPaymentIntentId: invoice.payment_intent ?? firstPayment?.payment_intent ?? null,
      subscriptionExternalId:
        invoice.subscription ?? invoice.parent?.subscription_details?.subscription ?? null,
    },
    now,
  );
  return {
    outcome: "processed",
    detail: result.created ? undefined : "payment was already recorded",
    paymentId: result.payment.id,
  };
}
