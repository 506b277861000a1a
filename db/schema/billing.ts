import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { paymentSource, paymentType, subscriptionStatus } from "./enums";
import { createdAt, updatedAt } from "./timestamps";
import { users } from "./users";

export const subscriptionTiers = pgTable(
  "subscription_tiers",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    name: text("name").notNull(),
    monthlyPriceCents: bigint("monthly_price_cents", { mode: "number" }).notNull(),
    isActive: boolean("is_active").notNull().default(true),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("subscription_tiers_name_key").on(t.name),
    check("subscription_tiers_price_nonneg", sql`${t.monthlyPriceCents} >= 0`),
  ],
);

export const subscriptions = pgTable(
  "subscriptions",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tierId: integer("tier_id")
      .notNull()
      .references(() => subscriptionTiers.id, { onDelete: "restrict" }),
    status: subscriptionStatus("status").notNull().default("trial"),
    trialEndsAt: timestamp("trial_ends_at", { withTimezone: true }),
    currentPeriodEnd: timestamp("current_period_end", { withTimezone: true }),
    // Start of the current unbroken run of paid months (retention bonus).
    continuousSince: timestamp("continuous_since", { withTimezone: true }),
    canceledAt: timestamp("canceled_at", { withTimezone: true }),
    externalId: text("external_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("subscriptions_user_idx").on(t.userId),
    uniqueIndex("subscriptions_external_id_key").on(t.externalId),
  ],
);

// Money received from (or returned to) a referred client. Refunds and chargebacks are their own rows
// pointing at the payment they undo; amounts are always positive cents, the type says the direction.
export const payments = pgTable(
  "payments",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    subscriptionId: integer("subscription_id").references(() => subscriptions.id, { onDelete: "set null" }),
    externalId: text("external_id").notNull(),
    type: paymentType("type").notNull().default("payment"),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    currency: text("currency").notNull().default("usd"),
    refundOfPaymentId: integer("refund_of_payment_id").references((): AnyPgColumn => payments.id, {
      onDelete: "restrict",
    }),
    source: paymentSource("source").notNull().default("api"),
    // The provider's charge and payment intent behind this payment: a Stripe refund or dispute names the
    // charge, not the invoice, so these are how it finds the payment it undoes.
    providerChargeId: text("provider_charge_id"),
    providerPaymentIntentId: text("provider_payment_intent_id"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("payments_external_id_key").on(t.externalId),
    index("payments_user_idx").on(t.userId, t.occurredAt),
    index("payments_refund_of_idx").on(t.refundOfPaymentId),
    index("payments_provider_charge_idx").on(t.providerChargeId),
    index("payments_provider_payment_intent_idx").on(t.providerPaymentIntentId),
    check("payments_amount_positive", sql`${t.amountCents} > 0`),
    check("payments_refund_has_origin", sql`(${t.type} = 'payment') = (${t.refundOfPaymentId} IS NULL)`),
  ],
);

// Stripe (or other provider) events already processed: idempotency by event id.
export const webhookEvents = pgTable("webhook_events", {
  id: text("id").primaryKey(),
  provider: text("provider").notNull().default("stripe"),
  type: text("type").notNull(),
  // What the event did: "processed", or why it was ignored (no matching client, unknown payment…).
  outcome: text("outcome"),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
});
