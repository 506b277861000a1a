import "server-only";
import { sql } from "drizzle-orm";
import { col, rowsAs } from "@/db/rows";
import type { DbOrTx } from "@/db/types";
import {
  limitFromEnv,
  pruneNowAndThen,
  rateLimitHit,
  rateLimitHitRow,
  rateLimitOutcome,
  type RateLimitResult,
} from "@/lib/rate-limit";
import { canonicalLookupKey, failedCheck, judgeCode, type CodeCheck } from "./validate-code";

/** What the public validation tells anyone about a code, and its owner and admins a little more. */
export type ValidatedCode = {
  code: string;
  codeName: string | null;
  usageCount: number;
  usageLimit: number | null;
  expiresAt: Date | null;
  isActive: boolean;
};

export type LimitedCodeCheck = { limit: RateLimitResult; check: CodeCheck<ValidatedCode> };

/**
 * The public validate endpoint (the sign-up form's as-you-type check): counts this attempt by the client's
 * address and looks the code up, in ONE statement — the rate-limit upsert as a CTE beside the lookup —
 * so a keystroke costs one round trip and one pooled connection. Anyone can guess codes here, so each
 * address gets `VALIDATE_RATE_LIMIT_PER_MINUTE` attempts a minute (60 unless set); requests whose
 * address is unknown share one budget rather than going unlimited. The count stays exact across
 * instances (the upsert's row lock, lib/rate-limit.ts); the caller answers `check` only when
 * `limit.allowed`. The decision is checkCode's own (`canonicalLookupKey`, `judgeCode`).
 */
export async function limitedCodeCheck(
  db: DbOrTx,
  rawCode: string,
  ip: string | null | undefined,
  now?: Date,
): Promise<LimitedCodeCheck> {
  const limit = { limit: limitFromEnv("VALIDATE_RATE_LIMIT_PER_MINUTE", 60), windowMs: 60_000 };
  const hit = rateLimitHit("validate-referral-code", ip ?? "unknown", limit, now);
  // A malformed code is still an attempt; its lookup key is NULL, which matches no code.
  const canonical = canonicalLookupKey(rawCode);
  const [row] = rowsAs(
    await db.execute(sql`
      WITH hit AS (${hit})
      SELECT hit.hits, hit.retry_after, c.*
        FROM hit LEFT JOIN (
          SELECT rc.code, rc.code_name, rc.usage_count, rc.usage_limit, rc.expires_at, rc.is_active,
                 u.id AS referrer_id, u.name AS referrer_name, u.email AS referrer_email,
                 u.role::text AS referrer_role, u.status::text AS referrer_status
            FROM referral_codes rc JOIN users u ON u.id = rc.client_id
           WHERE rc.canonical_code = ${canonical}::text
        ) c ON true`),
    lookupRow,
  );
  await pruneNowAndThen(db, now);
  const found =
    row.code === null
      ? undefined
      : {
          code: {
            code: row.code,
            codeName: row.code_name,
            usageCount: row.usage_count!,
            usageLimit: row.usage_limit,
            expiresAt: row.expires_at,
            isActive: row.is_active!,
          },
          referrer: {
            id: row.referrer_id!,
            name: row.referrer_name!,
            email: row.referrer_email!,
            role: row.referrer_role!,
            status: row.referrer_status!,
          },
        };
  return {
    limit: rateLimitOutcome(row, limit),
    check: canonical === null ? failedCheck("invalid_format") : judgeCode(found, now ?? new Date()),
  };
}

// The code's columns are NULL when no code matched (the LEFT JOIN).
const lookupRow = rateLimitHitRow.extend({
  code: col.nullableText,
  code_name: col.nullableText,
  usage_count: col.nullableInt,
  usage_limit: col.nullableInt,
  expires_at: col.nullableTimestamp,
  is_active: col.bool.nullable(),
  referrer_id: col.nullableInt,
  referrer_name: col.nullableText,
  referrer_email: col.nullableText,
  referrer_role: col.nullableText,
  referrer_status: col.nullableText,
});
