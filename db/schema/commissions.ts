import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { payments } from "./billing";
import { commissionKind, commissionLevel, commissionStatus, payoutBatchStatus } from "./enums";
import { referralCampaigns, referralUsageLog } from "./referrals";
import { createdAt, updatedAt } from "./timestamps";
import { users } from "./users";

export const payoutBatches = pgTable(
  "payout_batches",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    status: payoutBatchStatus("status").notNull().default("open"),
    // The usd lines' total; every currency's total (minor units) is in currencyTotals — never added up.
    totalCents: bigint("total_cents", { mode: "number" }).notNull().default(0),
    currencyTotals: jsonb("currency_totals").$type<Record<string, number>>().notNull().default({}),
    reference: text("reference"),
    createdByUserId: integer("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [check("payout_batches_total_nonneg", sql`${t.totalCents} >= 0`)],
);

// One line per referrer and currency in a batch: what that referrer is paid (net of carried-forward reversals).
export const payouts = pgTable(
  "payouts",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    batchId: integer("batch_id")
      .notNull()
      .references(() => payoutBatches.id, { onDelete: "cascade" }),
    beneficiaryUserId: integer("beneficiary_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    currency: text("currency").notNull().default("usd"),
    commissionCount: integer("commission_count").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("payouts_batch_beneficiary_currency_key").on(t.batchId, t.beneficiaryUserId, t.currency),
    index("payouts_beneficiary_idx").on(t.beneficiaryUserId),
    check("payouts_amount_nonneg", sql`${t.amountCents} >= 0`),
    check("payouts_currency_format", sql`${t.currency} ~ '^[a-z]{3}$'`),
  ],
);

// The commissions ledger. Rows are never rewritten to change money: a refund adds a `reversal` row
// (negative amount) that points at the earning it reverses. Status moves forward only.
export const commissions = pgTable(
  "commissions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    beneficiaryUserId: integer("beneficiary_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    referralId: bigint("referral_id", { mode: "number" }).references(() => referralUsageLog.id, {
      onDelete: "restrict",
    }),
    paymentId: integer("payment_id").references(() => payments.id, { onDelete: "restrict" }),
    campaignId: integer("campaign_id").references(() => referralCampaigns.id, { onDelete: "set null" }),
    level: commissionLevel("level").notNull().default("direct"),
    kind: commissionKind("kind").notNull().default("earning"),
    reversesCommissionId: bigint("reverses_commission_id", { mode: "number" }).references(
      (): AnyPgColumn => commissions.id,
      { onDelete: "restrict" },
    ),
    // In minor units of `currency` (ISO 4217): the payment's for percentages, usd for flat amounts.
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    currency: text("currency").notNull().default("usd"),
    // Rate actually applied, in basis points after multipliers (for the statement), null for flat amounts.
    rateBps: integer("rate_bps"),
    status: commissionStatus("status").notNull().default("pending"),
    holdUntil: timestamp("hold_until", { withTimezone: true }).notNull(),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    payoutId: integer("payout_id").references(() => payouts.id, { onDelete: "set null" }),
    note: text("note"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("commissions_beneficiary_status_idx").on(t.beneficiaryUserId, t.status),
    index("commissions_due_idx").on(t.status, t.holdUntil),
    index("commissions_referral_idx").on(t.referralId),
    index("commissions_payment_idx").on(t.paymentId),
    index("commissions_payout_idx").on(t.payoutId),
    index("commissions_created_idx").on(t.createdAt),
    // What a payout batch picks up: approved rows not yet in a batch, per beneficiary.
    index("commissions_payable_idx")
      .on(t.beneficiaryUserId)
      .where(sql`${t.status} = 'approved' AND ${t.payoutId} IS NULL`),
    // One earning per payment and level, whatever runs concurrently.
    uniqueIndex("commissions_payment_level_key")
      .on(t.paymentId, t.level)
      .where(sql`${t.kind} = 'earning' AND ${t.paymentId} IS NOT NULL`),
    // A refund or chargeback reverses each earning at most once.
    uniqueIndex("commissions_reversal_once_key")
      .on(t.paymentId, t.reversesCommissionId)
      .where(sql`${t.kind} = 'reversal' AND ${t.paymentId} IS NOT NULL`),
    // The campaign bonus is one-time per referrer and campaign; the retention bonus once per referral.
    // A rejected one frees the slot.
    uniqueIndex("commissions_bonus_once_key")
      .on(t.beneficiaryUserId, t.campaignId)
      .where(sql`${t.level} = 'bonus' AND ${t.kind} = 'earning' AND ${t.status} <> 'rejected'`),
    uniqueIndex("commissions_retention_once_key")
      .on(t.referralId)
      .where(sql`${t.level} = 'retention' AND ${t.kind} = 'earning' AND ${t.status} <> 'rejected'`),
    check(
      "commissions_sign_by_kind",
      sql`(${t.kind} = 'earning' AND ${t.amountCents} >= 0) OR (${t.kind} = 'reversal' AND ${t.amountCents} <= 0)`,
    ),
    check("commissions_currency_format", sql`${t.currency} ~ '^[a-z]{3}$'`),
    check(
      "commissions_reversal_has_origin",
      sql`(${t.kind} = 'reversal') = (${t.reversesCommissionId} IS NOT NULL)`,
    ),
  ],
);
