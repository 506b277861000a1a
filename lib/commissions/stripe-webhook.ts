import { and, desc, eq, or, sql, type SQL } from "drizzle-orm";
import Stripe from "stripe";
import { getDb } from "@/db/client";
import { payments, subscriptions, users, webhookEvents } from "@/db/schema";
import type { subscriptionStatus } from "@/db/schema/enums";
import type { Tx } from "@/db/types";
import { DomainError } from "@/lib/errors";
import { accountEmail } from "@/lib/referrals/normalize-email";
import { issueDetails } from "@/lib/validation/issues";
import {
  parseStripeEvent,
  type ParsedStripeEvent,
  type StripeCharge,
  type StripeDispute,
  type StripeInvoice,
  type StripeSubscription,
} from "@/lib/validation/stripe-events";
import { PROGRAM_CURRENCY, recordPayment, type Payment } from "./record-payment";
import { applySubscriptionChange } from "./subscription-change";

export type StripeWebhookResult = {
  eventId: string;
  type: string;
  outcome: "processed" | "duplicate" | "ignored";
  detail?: string;
  paymentId?: number;
};

/**
 * `POST /api/webhooks/stripe`: verifies the `Stripe-Signature` header against the endpoint secret with
 * the official library, then parses it: a malformed event (a leaked secret or a bug, never something to
 * half-apply) is refused with 400 `malformed_event` before any transaction opens. The event is handled
 * in one transaction that also records its id — so a redelivered event (or 100 concurrent deliveries of
 * one) is applied exactly once: the primary key on webhook_events makes every other delivery wait for
 * the first and then find it done.
 *
 * Events for people who are not our clients, or for payments we never saw, are acknowledged and
 * recorded as ignored (with the reason) rather than refused: refusing would only make Stripe retry.
 */
export async function receiveStripeWebhook(input: {
  payload: string;
  signature: string | null;
  secret: string;
  now?: Date;
}): Promise<StripeWebhookResult> {
  if (!input.signature) {
    throw new DomainError("missing_signature", "Missing Stripe-Signature header", { status: 400 });
  }
  let raw: unknown;
  try {
    raw = Stripe.webhooks.constructEvent(input.payload, input.signature, input.secret);
  } catch {
    throw new DomainError("invalid_signature", "Invalid Stripe signature", { status: 400 });
  }
  const parsed = parseEvent(raw);
  const { event } = parsed;
  const now = input.now ?? new Date();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [fresh] = await tx
      .insert(webhookEvents)
      .values({ id: event.id, provider: "stripe", type: event.type, receivedAt: now })
      .onConflictDoNothing()
      .returning({ id: webhookEvents.id });
    if (!fresh) return { eventId: event.id, type: event.type, outcome: "duplicate" as const };
    const handled = await handleEvent(tx, parsed, now);
    await tx
      .update(webhookEvents)
      .set({ outcome: handled.detail ? `${handled.outcome}: ${handled.detail}` : handled.outcome })
      .where(eq(webhookEvents.id, event.id));
    return { eventId: event.id, type: event.type, ...handled };
  });
}

type Handled = Omit<StripeWebhookResult, "eventId" | "type">;

/** The event, checked before anything is written: a malformed one is refused whole. */
function parseEvent(raw: unknown): ParsedStripeEvent {
  const parsed = parseStripeEvent(raw);
  if (parsed.success) return parsed.data;
  const details = issueDetails(parsed.error);
  throw new DomainError("malformed_event", `Malformed Stripe event: ${details[0]}`, { status: 400, details });
}

async function handleEvent(tx: Tx, parsed: ParsedStripeEvent, now: Date): Promise<Handled> {
  if (!parsed.handled) return { outcome: "ignored", detail: `event type ${parsed.event.type} is not used` };
  const event = parsed.event;
  switch (event.type) {
    case "invoice.paid":
      return invoicePaid(tx, event.data.object, event.created, now);
    case "charge.refunded":
      return chargeRefunded(tx, event.data.object, event.created, now);
    case "charge.dispute.created":
      return disputeCreated(tx, event.data.object, event.created, now);
    case "customer.subscription.updated":
    case "customer.subscription.deleted":
      return subscriptionChanged(tx, event.data.object, event.type === "customer.subscription.deleted", now);
  }
}

async function invoicePaid(tx: Tx, invoice: StripeInvoice, eventCreated: Date, now: Date): Promise<Handled> {
  if (invoice.amount_paid <= 0) return { outcome: "ignored", detail: "nothing was paid" };
  if (invoice.currency.toLowerCase() !== PROGRAM_CURRENCY) {
    return { outcome: "ignored", detail: `currency ${invoice.currency} is not supported` };
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

async function chargeRefunded(tx: Tx, charge: StripeCharge, eventCreated: Date, now: Date): Promise<Handled> {
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

async function disputeCreated(
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

async function subscriptionChanged(
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

function digits(value: string | null | undefined): number | null {
  return value && /^[1-9][0-9]{0,9}$/.test(value) && Number(value) <= 2_147_483_647 ? Number(value) : null;
}

/** The client an invoice belongs to: `metadata.user_id` first, else the customer's e-mail. */
async function findClient(tx: Tx, userIdText: string | undefined, email: string | null | undefined) {
  const userId = digits(userIdText);
  const conditions: SQL[] = [];
  if (userId) conditions.push(eq(users.id, userId));
  if (email) conditions.push(eq(users.email, accountEmail(email)));
  if (!conditions.length) return null;
  const [client] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "client"), or(...conditions)))
    .orderBy(userId ? sql`(${users.id} = ${userId}) DESC` : sql`1`)
    .limit(1);
  return client ?? null;
}

async function findOriginal(
  tx: Tx,
  refs: { invoiceId: string | null; chargeId: string | null; paymentIntentId: string | null },
): Promise<Payment | null> {
  const conditions: SQL[] = [];
  if (refs.invoiceId) conditions.push(eq(payments.externalId, refs.invoiceId));
  if (refs.chargeId) conditions.push(eq(payments.providerChargeId, refs.chargeId));
  if (refs.paymentIntentId) conditions.push(eq(payments.providerPaymentIntentId, refs.paymentIntentId));
  if (!conditions.length) return null;
  const [payment] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.type, "payment"), or(...conditions)))
    .limit(1)
    // Locked before reading what was already refunded: concurrent refund events queue up here.
    .for("update");
  return payment ?? null;
}

/** Cents of a payment already refunded or charged back. */
async function undoneCents(tx: Tx, paymentId: number): Promise<number> {
  const [row] = await tx
    .select({ cents: sql<string | null>`sum(${payments.amountCents})` })
    .from(payments)
    .where(eq(payments.refundOfPaymentId, paymentId));
  return Number(row?.cents ?? 0);
}
