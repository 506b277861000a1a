// Everything a signup must know before it writes, read in one round trip inside its transaction: whether
// the e-mail is taken, the referrer's own signals and the referred person's for the fraud rules, the
// trial's tier, whether the site slug is free — and the next account number, taken in the same statement.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import { timestampParam } from "@/db/sql-values";
import type { Tx } from "@/db/types";
import { accountNumberPrefix, formatAccountNumber, nextAccountSequence } from "@/lib/clients/account-number";
import { VELOCITY_WINDOW_MINUTES, type FraudEvidence } from "./fraud";

export type SignupFactsInput = {
  email: string;
  normalizedEmail: string;
  slug: string;
  /** null: the first active tier by sort order. */
  tierId: number | null;
  account: { clientType: string; regionId: number; salesChannelId: number };
  now: Date;
  /** The code's owner and the code, when the signup has a valid referral code. */
  referral: { referrerId: number; codeId: number; ipHash: string | null } | null;
};

export type SignupFacts = {
  emailTaken: boolean;
  slugTaken: boolean;
  tierId: number | null;
  accountNumber: string;
  /** The code owner's signals for the fraud rules (null without a referral). */
  referrer: FraudEvidence["referrer"] | null;
  emailAliasOfExisting: boolean;
  recentSignupsFromIp: number;
};

const row = z.object({
  email_taken: col.bool,
  slug_taken: col.bool,
  tier_id: col.nullableInt,
  sequence: col.int,
  referrer_found: col.bool,
  referrer_normalized_email: col.nullableText,
  referrer_phone: col.nullableText,
  referrer_last_ip_hash: col.nullableText,
  referrer_last_device_id: col.nullableText,
  alias: col.bool,
  recent_from_ip: col.int,
});

export async function readSignupFacts(tx: Tx, input: SignupFactsInput): Promise<SignupFacts> {
  const year = input.now.getUTCFullYear();
  const referral = input.referral;
  const since = new Date(input.now.getTime() - VELOCITY_WINDOW_MINUTES * 60_000);
  const referrer = referral
    ? sql`(SELECT u FROM users u WHERE u.id = ${referral.referrerId})`
    : sql`(SELECT u FROM users u WHERE false)`;
  const [facts] = rowsAs(
    await tx.execute(sql`
      WITH seq AS (${nextAccountSequence(year)}),
           r AS (SELECT ${referrer} AS u)
      SELECT EXISTS (SELECT 1 FROM users WHERE email = ${input.email}) AS email_taken,
             EXISTS (SELECT 1 FROM users WHERE slug = ${input.slug}) AS slug_taken,
             (SELECT id FROM subscription_tiers
               WHERE ${input.tierId === null ? sql`is_active` : sql`id = ${input.tierId}`}
               ORDER BY sort_order LIMIT 1) AS tier_id,
             (SELECT last_value FROM seq) AS sequence,
             (r.u).id IS NOT NULL AS referrer_found,
             (r.u).normalized_email AS referrer_normalized_email,
             (r.u).phone AS referrer_phone,
             (r.u).last_ip_hash AS referrer_last_ip_hash,
             (r.u).last_device_id AS referrer_last_device_id,
             ${
               referral
                 ? sql`EXISTS (SELECT 1 FROM users WHERE normalized_email = ${input.normalizedEmail}
                                 AND email <> ${input.email})`
                 : sql`false`
             } AS alias,
             ${
               referral?.ipHash
                 ? sql`(SELECT count(*) FROM referral_usage_log
                         WHERE referral_code_id = ${referral.codeId} AND ip_hash = ${referral.ipHash}
                           AND used_at >= ${timestampParam(since)})::int`
                 : sql`0`
             } AS recent_from_ip
        FROM r`),
    row,
  );
  return {
    emailTaken: facts.email_taken,
    slugTaken: facts.slug_taken,
    tierId: facts.tier_id,
    accountNumber: formatAccountNumber(accountNumberPrefix({ ...input.account, year }), facts.sequence),
    referrer: facts.referrer_found
      ? {
          normalizedEmail: facts.referrer_normalized_email ?? "",
          phone: facts.referrer_phone,
          lastIpHash: facts.referrer_last_ip_hash,
          lastDeviceId: facts.referrer_last_device_id,
        }
      : null,
    emailAliasOfExisting: facts.alias,
    recentSignupsFromIp: facts.recent_from_ip,
  };
}
