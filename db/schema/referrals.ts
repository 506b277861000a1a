import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { commissionType, referralSource, reviewStatus } from "./enums";
import { createdAt, updatedAt } from "./timestamps";
import { users } from "./users";

export type CampaignTier = { minReferrals: number; rateBps: number };

export const referralCampaigns = pgTable(
  "referral_campaigns",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    campaignName: text("campaign_name").notNull(),
    description: text("description"),
    commissionType: commissionType("commission_type").notNull().default("percentage"),
    // percentage: basis points of the payment (2000 = 20%); flat_rate: cents per payment.
    commissionValue: integer("commission_value").notNull(),
    // tier_based: rate by the referrer's qualified referrals, highest matching tier wins.
    tiers: jsonb("tiers").$type<CampaignTier[]>(),
    bonusThreshold: integer("bonus_threshold"),
    bonusAmountCents: bigint("bonus_amount_cents", { mode: "number" }),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    isActive: boolean("is_active").notNull().default(true),
    createdByUserId: integer("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("campaign_value_nonneg", sql`${t.commissionValue} >= 0`),
    check("campaign_bonus_threshold_positive", sql`${t.bonusThreshold} IS NULL OR ${t.bonusThreshold} > 0`),
    check("campaign_bonus_nonneg", sql`${t.bonusAmountCents} IS NULL OR ${t.bonusAmountCents} >= 0`),
    check(
      "campaign_window",
      sql`${t.startsAt} IS NULL OR ${t.endsAt} IS NULL OR ${t.startsAt} < ${t.endsAt}`,
    ),
  ],
);

export const referralCodes = pgTable(
  "referral_codes",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    clientId: integer("client_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // As the owner typed it (`XYZ-MAYA`); look-ups and uniqueness use `canonicalCode`.
    code: text("code").notNull(),
    canonicalCode: text("canonical_code").notNull(),
    codeName: text("code_name"),
    usageLimit: integer("usage_limit"),
    // Maintained by the trigger on referral_usage_log (custom migration), never by application code.
    usageCount: integer("usage_count").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    isActive: boolean("is_active").notNull().default(true),
    campaignId: integer("campaign_id").references(() => referralCampaigns.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("referral_codes_canonical_key").on(t.canonicalCode),
    index("idx_code").on(t.code),
    index("referral_codes_client_idx").on(t.clientId),
    index("idx_usage_tracking").on(t.usageCount, t.usageLimit),
    index("idx_active_codes").on(t.isActive, t.expiresAt),
    index("referral_codes_campaign_idx").on(t.campaignId),
    check("referral_codes_usage_nonneg", sql`${t.usageCount} >= 0`),
    check("referral_codes_limit_positive", sql`${t.usageLimit} IS NULL OR ${t.usageLimit} > 0`),
    // The last line of defence for "never more uses than the limit", whatever the application does.
    check("referral_codes_within_limit", sql`${t.usageLimit} IS NULL OR ${t.usageCount} <= ${t.usageLimit}`),
    check("referral_codes_canonical_format", sql`${t.canonicalCode} ~ '^[A-Z0-9]{6,12}$'`),
  ],
);

export const referralClicks = pgTable(
  "referral_clicks",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    referralCodeId: integer("referral_code_id")
      .notNull()
      .references(() => referralCodes.id, { onDelete: "cascade" }),
    // SHA-256 of the address with a server secret: enough to count and compare, not to identify.
    ipHash: text("ip_hash"),
    userAgent: text("user_agent"),
    source: referralSource("source").notNull().default("link"),
    referrerUrl: text("referrer_url"),
    deviceId: text("device_id"),
    clickedAt: timestamp("clicked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("referral_clicks_code_time_idx").on(t.referralCodeId, t.clickedAt),
    index("referral_clicks_time_idx").on(t.clickedAt),
  ],
);

export type FraudFlag = { rule: string; reason: string };

// One row per attributed signup. A referred user is attributed at most once (unique referred_user_id).
export const referralUsageLog = pgTable(
  "referral_usage_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    // Deleting a referrer removes their codes; the history row stays with the code text it used.
    referralCodeId: integer("referral_code_id").references(() => referralCodes.id, { onDelete: "set null" }),
    referrerUserId: integer("referrer_user_id").references(() => users.id, { onDelete: "set null" }),
    referredUserId: integer("referred_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeUsed: text("code_used").notNull(),
    signupIp: text("signup_ip"),
    ipHash: text("ip_hash"),
    signupUserAgent: text("signup_user_agent"),
    deviceId: text("device_id"),
    source: referralSource("source").notNull().default("manual"),
    clickId: bigint("click_id", { mode: "number" }).references(() => referralClicks.id, {
      onDelete: "set null",
    }),
    fraudFlags: jsonb("fraud_flags").$type<FraudFlag[]>().notNull().default([]),
    isFlagged: boolean("is_flagged").notNull().default(false),
    reviewStatus: reviewStatus("review_status").notNull().default("not_required"),
    reviewedByUserId: integer("reviewed_by_user_id").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    commissionEligible: boolean("commission_eligible").notNull().default(true),
    // Summaries of the commissions ledger for this referral, kept in the ledger's transactions.
    commissionAmountCents: bigint("commission_amount_cents", { mode: "number" }).notNull().default(0),
    commissionPaid: boolean("commission_paid").notNull().default(false),
    usedAt: timestamp("used_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("referral_usage_log_referred_key").on(t.referredUserId),
    // The covering index by code (INCLUDE columns) is in a custom migration: drizzle-kit cannot express it.
    index("referral_usage_log_referrer_idx").on(t.referrerUserId, t.usedAt),
    index("idx_commission_tracking").on(t.commissionEligible, t.commissionPaid, t.usedAt),
    index("referral_usage_log_used_at_idx").on(t.usedAt, t.id),
    // Keyset pages of the admin report sorted by commission (commission_amount_cents, id).
    index("referral_usage_log_commission_idx").on(t.commissionAmountCents, t.id),
    index("referral_usage_log_velocity_idx").on(t.referralCodeId, t.ipHash, t.usedAt),
    index("referral_usage_log_review_idx")
      .on(t.reviewStatus, t.usedAt)
      .where(sql`${t.isFlagged}`),
    check("referral_usage_log_commission_nonneg", sql`${t.commissionAmountCents} >= 0`),
  ],
);
