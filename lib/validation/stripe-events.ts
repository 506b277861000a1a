// Stripe events as POST /api/webhooks/stripe reads them. A valid signature says who sent the bytes,
// not that they fit our tables: every event is parsed here before any transaction opens, so a
// malformed one is refused with a 400 and nothing is written. Only the fields the handlers read are
// checked; Stripe adds fields with every API version, and unknown ones are dropped, not refused.
import { z } from "zod";
import { accountEmail } from "@/lib/referrals/normalize-email";
import { cents, text, unixSeconds } from "./fields";

/** Stripe ids (`evt_…`, `in_…`, `ch_…`) are stored as they are, so no control characters. */
const stripeId = (label: string) => text(label, { max: 255 });

/** An expandable reference: the id, or the expanded object carrying it. */
const reference = (label: string) =>
  z
    .union([stripeId(label), z.object({ id: stripeId(label) })], {
      error: `${label} must be a Stripe id or an object with an id`,
    })
    .transform((v) => (typeof v === "string" ? v : v.id));

/**
 * Three letters; whether it is a known ISO 4217 code is decided by the handler (an unknown one is
 * acknowledged as ignored, not refused: Stripe would retry a 400 forever).
 */
const currency = text("currency", { min: 3, max: 3 });

// Only `user_id` is read (it names the client the money is for); the rest of the metadata is the
// merchant's business. Stripe caps metadata values at 500 characters.
const metadata = z
  .object(
    { user_id: text("metadata.user_id", { min: 0, max: 500 }).optional() },
    {
      error: "metadata must be an object",
    },
  )
  .nullish();

export const stripeInvoiceSchema = z.object(
  {
    id: stripeId("id"),
    amount_paid: cents("amount_paid"),
    currency,
    // Matched against our clients' addresses, never stored: one Stripe accepts but z.email would not
    // (a quoted local part, a non-ASCII domain) simply matches nobody instead of losing the payment.
    customer_email: text("customer_email", { min: 0, max: 254 }).overwrite(accountEmail).nullish(),
    metadata,
    // Older API versions put the charge, payment intent and subscription on the invoice itself; newer
    // ones under `payments` and `parent.subscription_details`. Both are read.
    charge: reference("charge").nullish(),
    payment_intent: reference("payment_intent").nullish(),
    subscription: reference("subscription").nullish(),
    subscription_details: z.object({ metadata }).nullish(),
    parent: z
      .object({
        subscription_details: z
          .object({ subscription: reference("subscription").nullish(), metadata })
          .nullish(),
      })
      .nullish(),
    payments: z
      .object({
        data: z.array(
          z.object({
            payment: z
              .object({
                charge: reference("charge").nullish(),
                payment_intent: reference("payment_intent").nullish(),
              })
              .nullish(),
          }),
        ),
      })
      .nullish(),
    status_transitions: z.object({ paid_at: unixSeconds("paid_at").nullish() }).nullish(),
  },
  { error: "The invoice must be an object" },
);

export const stripeChargeSchema = z.object(
  {
    id: stripeId("id"),
    amount: cents("amount"),
    // Cumulative over every refund of the charge.
    amount_refunded: cents("amount_refunded"),
    currency,
    invoice: reference("invoice").nullish(),
    payment_intent: reference("payment_intent").nullish(),
  },
  { error: "The charge must be an object" },
);

export const stripeDisputeSchema = z.object(
  {
    id: stripeId("id"),
    amount: cents("amount"),
    currency,
    charge: reference("charge").nullish(),
    payment_intent: reference("payment_intent").nullish(),
    created: unixSeconds("created").optional(),
  },
  { error: "The dispute must be an object" },
);

export const stripeSubscriptionSchema = z.object(
  {
    id: stripeId("id"),
    status: text("status", { max: 50 }),
    metadata,
    canceled_at: unixSeconds("canceled_at").nullish(),
    current_period_end: unixSeconds("current_period_end").nullish(),
    items: z
      .object({
        data: z.array(
          z.object({
            current_period_end: unixSeconds("current_period_end").nullish(),
            price: z.object({ unit_amount: cents("unit_amount").nullish() }).nullish(),
          }),
        ),
      })
      .nullish(),
  },
  { error: "The subscription must be an object" },
);

/** What every event must carry, whatever its type. */
export const stripeEventEnvelopeSchema = z.object(
  {
    id: stripeId("id"),
    type: text("type", { max: 100 }),
    created: unixSeconds("created"),
    data: z.object(
      { object: z.looseObject({}, { error: "data.object must be an object" }) },
      { error: "data must be an object holding the event's object" },
    ),
  },
  { error: "A Stripe event must be a JSON object" },
);

const eventOf = <T extends string, O extends z.ZodType>(type: T, object: O) =>
  stripeEventEnvelopeSchema.extend({ type: z.literal(type), data: z.object({ object }) });

/** The event types the webhook acts on, each with the schema of its `data.object`. */
export const handledStripeEventSchema = z.discriminatedUnion("type", [
  eventOf("invoice.paid", stripeInvoiceSchema),
  eventOf("charge.refunded", stripeChargeSchema),
  eventOf("charge.dispute.created", stripeDisputeSchema),
  eventOf("customer.subscription.updated", stripeSubscriptionSchema),
  eventOf("customer.subscription.deleted", stripeSubscriptionSchema),
]);

export type StripeEventEnvelope = z.output<typeof stripeEventEnvelopeSchema>;
export type HandledStripeEvent = z.output<typeof handledStripeEventSchema>;
export type StripeInvoice = z.output<typeof stripeInvoiceSchema>;
export type StripeCharge = z.output<typeof stripeChargeSchema>;
export type StripeDispute = z.output<typeof stripeDisputeSchema>;
export type StripeSubscription = z.output<typeof stripeSubscriptionSchema>;

export const HANDLED_STRIPE_EVENT_TYPES: ReadonlySet<string> = new Set(
  handledStripeEventSchema.options.map((o) => o.shape.type.value),
);

export type ParsedStripeEvent =
  { handled: true; event: HandledStripeEvent } | { handled: false; event: StripeEventEnvelope };

/**
 * The envelope first (so a payload of `null` or `5` gets one clear message), then, for a type we act
 * on, its object. A well-formed event of any other type parses as `handled: false`.
 */
export function parseStripeEvent(
  raw: unknown,
): { success: true; data: ParsedStripeEvent } | { success: false; error: z.ZodError } {
  const envelope = stripeEventEnvelopeSchema.safeParse(raw);
  if (!envelope.success) return envelope;
  if (!HANDLED_STRIPE_EVENT_TYPES.has(envelope.data.type)) {
    return { success: true, data: { handled: false, event: envelope.data } };
  }
  const handled = handledStripeEventSchema.safeParse(raw);
  if (!handled.success) return handled;
  return { success: true, data: { handled: true, event: handled.data } };
}
