// A signup's rows in one statement (issue 12: a signup in a handful of round trips): the user, the trial
// subscription, the site, the client's own code (the first free candidate) and, with a referral, the usage-log
// row whose trigger claims the code use (refused past the limit: the whole statement, so the whole signup,
// fails). The account number is not set here: `assignAccountNumber` sets it as the signup's last statement, so
// the year's sequence row is locked only for the end of the transaction.
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import type { FraudFlag } from "@/db/schema";
import { timestampParam } from "@/db/sql-values";
import type { Tx } from "@/db/types";
import type { ReferralSource } from "@/lib/enums";
import { canonicalCode } from "./code-format";
import { firstFreeCandidateInsert } from "./create-code";
import { randomCode } from "./generate-code";

export type SignupUserValues = {
  email: string;
  normalizedEmail: string;
  name: string;
  passwordHash: string;
  mustChangePassword: boolean;
  status: "active" | "suspended" | "inactive";
  phone: string | null;
  businessType: string;
  description: string | null;
  templateId: number | null;
  aiConfig: Record<string, unknown> | null;
  clientType: string;
  regionId: number;
  salesChannelId: number;
  slug: string;
  referralCodeUsed: string | null;
  referredByUserId: number | null;
  lastIpHash: string | null;
  lastDeviceId: string | null;
};

export type SignupUsageValues = {
  referralCodeId: number;
  referrerUserId: number;
  codeUsed: string;
  signupIp: string | null;
  ipHash: string | null;
  signupUserAgent: string | null;
  deviceId: string | null;
  source: ReferralSource;
  clickId: number | null;
  fraudFlags: FraudFlag[];
  flagged: boolean;
};

export type SignupRows = {
  user: { id: number; email: string; name: string; slug: string };
  subscriptionId: number;
  siteId: number;
  /** Null only when the candidate and the spare random code were both taken concurrently. */
  ownCode: { id: number; code: string } | null;
  referralId: number | null;
};

const row = z.object({
  user_id: col.int,
  email: col.text,
  name: col.text,
  slug: col.text,
  subscription_id: col.int,
  site_id: col.int,
  code_id: col.nullableInt,
  code: col.nullableText,
  referral_id: col.nullableInt,
});

/** `candidates`: the own code's candidates in order of preference (a random one last). */
export async function insertSignupRows(
  tx: Tx,
  input: {
    user: SignupUserValues;
    tierId: number;
    trialEndsAt: Date;
    codeCandidates: string[];
    usage: SignupUsageValues | null;
    now: Date;
  },
): Promise<SignupRows> {
  const { user: u, usage, now } = input;
  const at = timestampParam(now);
  const ownCode = firstFreeCandidateInsert(sql`(SELECT id FROM u)`, input.codeCandidates);
  if (!ownCode) throw new Error("insertSignupRows: no code candidates");
  // The candidate picked can be taken by a concurrent signup (the insert waits for it, then inserts
  // nothing): then a fresh random code, in the same statement. A fallback statement after the claim could
  // deadlock with that signup (each waiting for the other's code row).
  const spare = randomCode();
  const usageCte: SQL = usage
    ? sql`, l AS (
        INSERT INTO referral_usage_log (referral_code_id, referrer_user_id, referred_user_id, code_used, signup_ip,
                                        ip_hash, signup_user_agent, device_id, source, click_id, fraud_flags,
                                        is_flagged, review_status, commission_eligible, used_at)
        SELECT ${usage.referralCodeId}::int, ${usage.referrerUserId}::int, u.id, ${usage.codeUsed}::text,
               ${usage.signupIp}::text, ${usage.ipHash}::text, ${usage.signupUserAgent}::text, ${usage.deviceId}::text,
               ${usage.source}::referral_source, ${usage.clickId}::bigint, ${JSON.stringify(usage.fraudFlags)}::jsonb,
               ${usage.flagged}::boolean, ${usage.flagged ? "pending" : "not_required"}::review_status,
               ${!usage.flagged}::boolean, ${at}
          FROM u
        RETURNING id)`
    : sql``;
  const [result] = rowsAs(
    await tx.execute(sql`
      WITH u AS (
        INSERT INTO users (email, normalized_email, name, password_hash, must_change_password, role, status, phone,
                           business_type, description, template_id, ai_config, client_type, region_id,
                           sales_channel_id, slug, referral_code_used, referred_by_user_id, last_ip_hash,
                           last_device_id, created_at, updated_at)
        VALUES (${u.email}::text, ${u.normalizedEmail}::text, ${u.name}::text, ${u.passwordHash}::text,
                ${u.mustChangePassword}::boolean, 'client', ${u.status}::user_status, ${u.phone}::text,
                ${u.businessType}::text, ${u.description}::text, ${u.templateId}::int,
                ${u.aiConfig === null ? null : JSON.stringify(u.aiConfig)}::jsonb, ${u.clientType}::text,
                ${u.regionId}::int, ${u.salesChannelId}::int, ${u.slug}::text, ${u.referralCodeUsed}::text,
                ${u.referredByUserId}::int, ${u.lastIpHash}::text, ${u.lastDeviceId}::text, ${at}, ${at})
        RETURNING id, email, name, slug
      ), s AS (
        INSERT INTO subscriptions (user_id, tier_id, status, trial_ends_at, created_at, updated_at)
        SELECT u.id, ${input.tierId}::int, 'trial', ${timestampParam(input.trialEndsAt)}, ${at}, ${at} FROM u
        RETURNING id
      ), site AS (
        INSERT INTO client_sites (user_id, name, template_id, created_at)
        SELECT u.id, u.name, ${u.templateId}::int, ${at} FROM u
        RETURNING id
      ), own AS (${ownCode}
      ), spare AS (
        INSERT INTO referral_codes (client_id, code, canonical_code)
        SELECT (SELECT id FROM u), ${spare}::text, ${canonicalCode(spare)}::text
         WHERE NOT EXISTS (SELECT 1 FROM own)
        ON CONFLICT (canonical_code) DO NOTHING
        RETURNING id, code
      )${usageCte}
      SELECT u.id AS user_id, u.email, u.name, u.slug,
             (SELECT id FROM s) AS subscription_id, (SELECT id FROM site) AS site_id,
             coalesce((SELECT id FROM own), (SELECT id FROM spare)) AS code_id,
             coalesce((SELECT code FROM own), (SELECT code FROM spare)) AS code,
             ${usage ? sql`(SELECT id FROM l)` : sql`NULL::bigint`} AS referral_id
        FROM u`),
    row,
  );
  return {
    user: { id: result.user_id, email: result.email, name: result.name, slug: result.slug },
    subscriptionId: result.subscription_id,
    siteId: result.site_id,
    ownCode: result.code_id === null ? null : { id: result.code_id, code: result.code! },
    referralId: result.referral_id,
  };
}
