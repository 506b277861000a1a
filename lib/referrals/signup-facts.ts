// Everything a signup must know before it writes, read in one round trip inside its transaction: whether
// the e-mail is taken, the referrer's own signals and the referred person's for the fraud rules, the
// trial's tier, the first free site slug of the candidates, and with a referral the reward rules. (The
// account number is taken by the signup's last statement: its sequence row is every signup's lock.)
import { sql } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import { timestampParam } from "@/db/sql-values";
import type { Tx } from "@/db/types";
import { ruleRowsFromJson, ruleRowsJson, type RuleInForceRow } from "@/lib/rewards/load-reward-rules";
import { VELOCITY_WINDOW_MINUTES, type FraudEvidence } from "./fraud";

export type SignupFactsInput = {
  email: string;
  normalizedEmail: string;
  /** The site slug's candidates in order of preference. */
  slugCandidates: string[];
  /** null: the first active tier by sort order. */
  tierId: number | null;
  now: Date;
  /** The code's owner and the code, when the signup has a valid referral code. */
  referral: { referrerId: number; codeId: number; ipHash: string | null } | null;
};

export type SignupFacts = {
  emailTaken: boolean;
  /** The first candidate no user has; null when all are taken. */
  freeSlug: string | null;
  tierId: number | null;
  /** The reward rule rows (with a referral only: empty without). */
  ruleRows: RuleInForceRow[];
  /** The code owner's signals for the fraud rules (null without a referral). */
  referrer: FraudEvidence["referrer"] | null;
  emailAliasOfExisting: boolean;
  recentSignupsFromIp: number;
};

const row = z.object({
  email_taken: col.bool,
  free_slug: col.nullableText,
  tier_id: col.nullableInt,
  rules: z.unknown(),
  referrer_found: col.bool,
  referrer_normalized_email: col.nullableText,
  referrer_phone: col.nullableText,
  referrer_last_ip_hash: col.nullableText,
  referrer_last_device_id: col.nullableText,
  alias: col.bool,
  recent_from_ip: col.int,
});

export async function readSignupFacts(tx: Tx, input: SignupFactsInput): Promise<SignupFacts> {
  const referral = input.referral;
  const since = new Date(input.now.getTime() - VELOCITY_WINDOW_MINUTES * 60_000);
  const referrer = referral
    ? sql`(SELECT u FROM users u WHERE u.id = ${referral.referrerId})`
    : sql`(SELECT u FROM users u WHERE false)`;
  const [facts] = rowsAs(
    await tx.execute(sql`
      WITH r AS (SELECT ${referrer} AS u)
      SELECT EXISTS (SELECT 1 FROM users WHERE email = ${input.email}) AS email_taken,
             (SELECT c.slug FROM unnest(${`{${input.slugCandidates.map((c) => `"${c}"`).join(",")}}`}::text[])
                     WITH ORDINALITY AS c (slug, n)
               WHERE NOT EXISTS (SELECT 1 FROM users WHERE users.slug = c.slug)
               ORDER BY c.n LIMIT 1) AS free_slug,
             (SELECT id FROM subscription_tiers
               WHERE ${input.tierId === null ? sql`is_active` : sql`id = ${input.tierId}`}
               ORDER BY sort_order LIMIT 1) AS tier_id,
             ${referral ? ruleRowsJson : sql`NULL::json`} AS rules,
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
    freeSlug: facts.free_slug,
    tierId: facts.tier_id,
    ruleRows: ruleRowsFromJson(facts.rules),
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
