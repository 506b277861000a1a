import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { payments } from "./billing";
import { badge, pointsReason, pointsStatus, rewardRuleKind, rewardType } from "./enums";
import { referralUsageLog } from "./referrals";
import { createdAt, updatedAt } from "./timestamps";
import { users } from "./users";

// Admin-editable rules; `config` holds the kind's parameters (validated by its zod schema in lib/rewards).
export const rewardRules = pgTable(
  "reward_rules",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    kind: rewardRuleKind("kind").notNull(),
    name: text("name").notNull(),
    config: jsonb("config").$type<Record<string, unknown>>().notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    isActive: boolean("is_active").notNull().default(true),
    updatedByUserId: integer("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("reward_rules_kind_idx").on(t.kind, t.isActive),
    // The program has one rule of each of these kinds (seeded by a migration, edited in place); offers and
    // milestones are the kinds with several rows.
    uniqueIndex("reward_rules_singleton_kind_key")
      .on(t.kind)
      .where(sql`${t.kind} IN ('double_sided', 'tier_schedule', 'expiry', 'qualifying_activity')`),
  ],
);

export const rewardCatalog = pgTable(
  "reward_catalog",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    name: text("name").notNull(),
    description: text("description"),
    costPoints: integer("cost_points").notNull(),
    rewardType: rewardType("reward_type").notNull(),
    // discount_percent: the percentage; other types: unused.
    rewardValue: integer("reward_value"),
    isActive: boolean("is_active").notNull().default(true),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [check("reward_catalog_min_cost", sql`${t.costPoints} >= 100`)],
);

export const redemptions = pgTable(
  "redemptions",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    catalogItemId: integer("catalog_item_id")
      .notNull()
      .references(() => rewardCatalog.id, { onDelete: "restrict" }),
    costPoints: integer("cost_points").notNull(),
    couponCode: text("coupon_code").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("redemptions_coupon_key").on(t.couponCode),
    index("redemptions_user_idx").on(t.userId, t.createdAt),
    check("redemptions_cost_positive", sql`${t.costPoints} > 0`),
  ],
);

// The points ledger is the truth; users.points_balance is its cached sum of available points.
// Credits carry `remainingPoints` so expiry and redemption can consume oldest points first.
export const pointsLedger = pgTable(
  "points_ledger",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    deltaPoints: integer("delta_points").notNull(),
    remainingPoints: integer("remaining_points").notNull().default(0),
    reason: pointsReason("reason").notNull(),
    status: pointsStatus("status").notNull().default("available"),
    referralId: bigint("referral_id", { mode: "number" }).references(() => referralUsageLog.id, {
      onDelete: "set null",
    }),
    redemptionId: integer("redemption_id").references(() => redemptions.id, { onDelete: "set null" }),
    ruleId: integer("rule_id").references(() => rewardRules.id, { onDelete: "set null" }),
    note: text("note"),
    // A referrer's points held by the qualifying-activity rule: they stay pending until the referred
    // client's first payment (and, for a flagged referral, an admin's approval as well).
    awaitsFirstPayment: boolean("awaits_first_payment").notNull().default(false),
    // A take-back (reason `reversal`): the refund or chargeback that took the referral's points back, and
    // what of it the balance could not cover and is still owed (paid off first by later earnings).
    paymentId: integer("payment_id").references(() => payments.id, { onDelete: "set null" }),
    debtPoints: integer("debt_points").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("points_ledger_user_idx").on(t.userId, t.createdAt),
    index("points_ledger_expiry_idx")
      .on(t.expiresAt)
      .where(sql`${t.remainingPoints} > 0`),
    index("points_ledger_referral_idx").on(t.referralId),
    // A take-back row moves only what the balance holds (maybe 0) and owes the rest.
    check("points_ledger_nonzero", sql`${t.deltaPoints} <> 0 OR ${t.reason} = 'reversal'`),
    check(
      "points_ledger_debt_range",
      sql`${t.debtPoints} >= 0 AND (${t.debtPoints} = 0 OR ${t.reason} = 'reversal')`,
    ),
    uniqueIndex("points_ledger_take_back_once_key")
      .on(t.referralId)
      .where(sql`${t.reason} = 'reversal' AND ${t.paymentId} IS NOT NULL`),
    index("points_ledger_open_debt_idx")
      .on(t.userId, t.createdAt, t.id)
      .where(sql`${t.debtPoints} > 0`),
    check(
      "points_ledger_remaining_range",
      sql`${t.remainingPoints} >= 0 AND (${t.deltaPoints} < 0 AND ${t.remainingPoints} = 0 OR ${t.remainingPoints} <= ${t.deltaPoints})`,
    ),
  ],
);

// Milestone badges are awarded once each: the primary key makes a second award impossible.
export const userBadges = pgTable(
  "user_badges",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    badge: badge("badge").notNull(),
    awardedAt: timestamp("awarded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.badge] })],
);

// Time-limited offers pay out once per referrer per offer.
export const rewardRuleAwards = pgTable(
  "reward_rule_awards",
  {
    ruleId: integer("rule_id")
      .notNull()
      .references(() => rewardRules.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    awardedAt: timestamp("awarded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The key leads with the rule; the dashboard reads one referrer's awards, hence the user index.
  (t) => [primaryKey({ columns: [t.ruleId, t.userId] }), index("reward_rule_awards_user_idx").on(t.userId)],
);
