import { sql } from "drizzle-orm";
import {
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
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { userRole, userStatus } from "./enums";
import { createdAt, updatedAt } from "./timestamps";

export const users = pgTable(
  "users",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    // Stored lower-case; uniqueness is on the stored value.
    email: text("email").notNull(),
    // Gmail dots and +tags folded, for the own-code fraud rule.
    normalizedEmail: text("normalized_email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    // Copied into the session token at sign-in and compared on every request (0031): bumping it ends the
    // sessions that carry the old value (password reset or change, suspension, "sign out everywhere").
    sessionVersion: integer("session_version").notNull().default(0),
    role: userRole("role").notNull().default("client"),
    status: userStatus("status").notNull().default("active"),
    // E.164, unique when given.
    phone: text("phone"),
    businessType: text("business_type").notNull().default("other"),
    description: text("description"),
    templateId: integer("template_id"),
    aiConfig: jsonb("ai_config").$type<Record<string, unknown>>(),
    clientType: text("client_type").notNull().default("muse_owned"),
    regionId: integer("region_id").notNull().default(1),
    salesChannelId: integer("sales_channel_id").notNull().default(30),
    accountNumber: text("account_number"),
    slug: text("slug"),
    referralCodeUsed: text("referral_code_used"),
    referredByUserId: integer("referred_by_user_id").references((): AnyPgColumn => users.id, {
      onDelete: "set null",
    }),
    // White-label agency this client belongs to; the agency earns an override on its members' referrals.
    partnerId: integer("partner_id").references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    // Set on agencies only: their override rate in basis points (300 = 3%).
    partnerOverrideBps: integer("partner_override_bps"),
    leaderboardOptIn: boolean("leaderboard_opt_in").notNull().default(false),
    // Cached sums of the points ledger, kept in the same transaction as every ledger row.
    pointsBalance: integer("points_balance").notNull().default(0),
    pointsPending: integer("points_pending").notNull().default(0),
    // Points taken back that the balance could not cover (Σ points_ledger.debt_points): later earnings pay it first.
    pointsDebt: integer("points_debt").notNull().default(0),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    // Last address (hashed) and device cookie seen for this user: the fraud rules compare a referral's
    // signup against its referrer's.
    lastIpHash: text("last_ip_hash"),
    lastDeviceId: text("last_device_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    index("users_normalized_email_idx").on(t.normalizedEmail),
    uniqueIndex("users_phone_key").on(t.phone),
    uniqueIndex("users_account_number_key").on(t.accountNumber),
    uniqueIndex("users_slug_key").on(t.slug),
    index("idx_referral_code_used").on(t.referralCodeUsed),
    index("idx_referred_by_user").on(t.referredByUserId),
    index("users_partner_idx").on(t.partnerId),
    index("users_created_at_idx").on(t.createdAt),
    check("users_email_lower", sql`${t.email} = lower(${t.email})`),
    check("users_points_balance_nonneg", sql`${t.pointsBalance} >= 0`),
    check("users_points_pending_nonneg", sql`${t.pointsPending} >= 0`),
    check("users_points_debt_nonneg", sql`${t.pointsDebt} >= 0`),
    check(
      "users_partner_override_range",
      sql`${t.partnerOverrideBps} IS NULL OR (${t.partnerOverrideBps} >= 0 AND ${t.partnerOverrideBps} <= 10000)`,
    ),
    check("users_not_own_partner", sql`${t.partnerId} IS NULL OR ${t.partnerId} <> ${t.id}`),
  ],
);

// The seed's "model": the client's site. `site_url` is `/{slug}` of the user.
export const clientSites = pgTable(
  "client_sites",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    templateId: integer("template_id"),
    isPublished: boolean("is_published").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("client_sites_user_idx").on(t.userId)],
);

// Per-year sequence behind `account_number` (MO-US-30-24NNNN); one row per year and prefix.
export const accountNumberSequences = pgTable(
  "account_number_sequences",
  {
    year: integer("year").notNull(),
    lastValue: integer("last_value").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.year] }), check("account_seq_nonneg", sql`${t.lastValue} >= 0`)],
);
