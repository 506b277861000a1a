// Everything a signup must know before it writes, read in one round trip inside its transaction: the
// referral code with its owner (judged by `judgeCode`, as `checkCode` does), whether the e-mail is taken, the referrer's own signals and the referred person's for the fraud rules, the
// trial's tier, the first free site slug of the candidates, and with a referral the reward rules. (The
// account number is taken by the signup's last statement: its sequence row is every signup's lock.)
import { sql } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import { timestampParam } from "@/db/sql-values";
import type { Tx } from "@/db/types";
import { ruleRowsFromJson, ruleRowsJson, type RuleInForceRow } from "@/lib/rewards/load-reward-rules";
import { VELOCITY_WINDOW_MINUTES, type FraudEvidence } from "./fraud";
import type { FoundCode } from "./validate-code";

export type SignupFactsInput = {
  email: string;
  normalizedEmail: string;
  /** The site slug's candidates in order of preference. */
  slugCandidates: string[];
  /** null: the first active tier by sort order. */
  tierId: number | null;
  now: Date;
  /** The referral code's canonical form (`canonicalLookupKey`), when the signup has a well-formed one. */
  referral: { canonicalCode: string; ipHash: string | null } | null;
};

/** The referral code as `checkCode` looks it up: its own state and its owner. */
export type SignupCodeRow = FoundCode<{
  id: number;
  code: string;
  isActive: boolean;
  expiresAt: Date | null;
  usageCount: number;
  usageLimit: number | null;
}>;

export type SignupFacts = {
  emailTaken: boolean;
  /** The first candidate no user has; null when all are taken. */
  freeSlug: string | null;
  tierId: number | null;
  /** The code looked up by its canonical form with its owner (null: no such code, or no referral). */
  code: SignupCodeRow | null;
  /** The reward rule rows (with a referral only: empty without). */
  ruleRows: RuleInForceRow[];
  /** The code owner's signals for the fraud rules (null without a found code). */
  referrer: FraudEvidence["referrer"] | null;
  emailAliasOfExisting: boolean;
  recentSignupsFromIp: number;
};

const row = z.object({
  email_taken: col.bool,
  free_slug: col.nullableText,
  tier_id: col.nullableInt,
  rules: col.nullableText,
  code_id: col.nullableInt,
  code: col.nullableText,
  code_is_active: z.boolean().nullable(),
  code_expires_at: col.nullableTimestamp,
  code_usage_count: col.nullableInt,
  code_usage_limit: col.nullableInt,
  referrer_id: col.nullableInt,
  referrer_name: col.nullableText,
  referrer_email: col.nullableText,
  referrer_role: col.nullableText,
  referrer_status: col.nullableText,
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
  // The code and its owner (the lookup checkCode makes), so a referred signup needs no round trip of its own
  // for it; without a code, a row of NULLs.
  const code = referral
    ? sql`SELECT rc.id, rc.code, rc.is_active, rc.expires_at, rc.usage_count, rc.usage_limit, u.id AS uid,
                 u.name, u.email, u.role, u.status, u.normalized_email, u.phone, u.last_ip_hash, u.last_device_id
            FROM referral_codes rc JOIN users u ON u.id = rc.client_id
           WHERE rc.canonical_code = ${referral.canonicalCode} LIMIT 1`
    : sql`SELECT NULL::int AS id WHERE false`;
  const [facts] = rowsAs(
    await tx.execute(sql`
      WITH found AS (${code})
      SELECT EXISTS (SELECT 1 FROM users WHERE email = ${input.email}) AS email_taken,
             (SELECT c.slug FROM unnest(${`{${input.slugCandidates.map((c) => `"${c}"`).join(",")}}`}::text[])
                     WITH ORDINALITY AS c (slug, n)
               WHERE NOT EXISTS (SELECT 1 FROM users WHERE users.slug = c.slug)
               ORDER BY c.n LIMIT 1) AS free_slug,
             (SELECT id FROM subscription_tiers
               WHERE ${input.tierId === null ? sql`is_active` : sql`id = ${input.tierId}`}
               ORDER BY sort_order LIMIT 1) AS tier_id,
             ${referral ? sql`${ruleRowsJson}::text` : sql`NULL::text`} AS rules,
             ${
               referral
                 ? sql`found.id AS code_id, found.code, found.is_active AS code_is_active,
                       found.expires_at AS code_expires_at, found.usage_count AS code_usage_count,
                       found.usage_limit AS code_usage_limit, found.uid AS referrer_id,
                       found.name AS referrer_name, found.email AS referrer_email, found.role::text AS referrer_role,
                       found.status::text AS referrer_status, found.normalized_email AS referrer_normalized_email,
                       found.phone AS referrer_phone, found.last_ip_hash AS referrer_last_ip_hash,
                       found.last_device_id AS referrer_last_device_id,`
                 : sql`NULL::int AS code_id, NULL::text AS code, NULL::boolean AS code_is_active,
                       NULL::timestamptz AS code_expires_at, NULL::int AS code_usage_count,
                       NULL::int AS code_usage_limit, NULL::int AS referrer_id, NULL::text AS referrer_name,
                       NULL::text AS referrer_email, NULL::text AS referrer_role, NULL::text AS referrer_status,
                       NULL::text AS referrer_normalized_email, NULL::text AS referrer_phone,
                       NULL::text AS referrer_last_ip_hash, NULL::text AS referrer_last_device_id,`
             }
             ${
               referral
                 ? sql`EXISTS (SELECT 1 FROM users WHERE normalized_email = ${input.normalizedEmail}
                                 AND email <> ${input.email})`
                 : sql`false`
             } AS alias,
             ${
               referral?.ipHash
                 ? sql`coalesce((SELECT count(*) FROM referral_usage_log
                         WHERE referral_code_id = found.id AND ip_hash = ${referral.ipHash}
                           AND used_at >= ${timestampParam(since)}), 0)::int`
                 : sql`0`
             } AS recent_from_ip
        FROM (SELECT 1) AS one LEFT JOIN found ON true`),
    row,
  );
  const found = facts.code_id !== null && facts.referrer_id !== null;
  return {
    code: found
      ? {
          code: {
            id: facts.code_id!,
            code: facts.code!,
            isActive: facts.code_is_active!,
            expiresAt: facts.code_expires_at,
            usageCount: facts.code_usage_count!,
            usageLimit: facts.code_usage_limit,
          },
          referrer: {
            id: facts.referrer_id!,
            name: facts.referrer_name!,
            email: facts.referrer_email!,
            role: facts.referrer_role!,
            status: facts.referrer_status!,
          },
        }
      : null,
    emailTaken: facts.email_taken,
    freeSlug: facts.free_slug,
    tierId: facts.tier_id,
    ruleRows: ruleRowsFromJson(facts.rules),
    referrer: found
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
