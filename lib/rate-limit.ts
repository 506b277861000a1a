import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import { nowAndThen } from "@/lib/housekeeping";

// Fixed-window rate limiting kept in PostgreSQL (table rate_limits), so every server instance shares
// one count. A hit is a single upsert that starts a new window or adds one to the current one and
// returns the count: the row lock makes concurrent hits queue, so N parallel hits on limit L let
// exactly L through. Nothing counts over history; expired rows are pruned in small batches.

export type RateLimitResult = {
  allowed: boolean;
  limit: number;
  remaining: number;
  retryAfterSeconds: number;
};

export type RateLimitOptions = { limit: number; windowMs: number };

/** The moment to count at: the caller's (tests) or the database's clock, shared by every instance. */
export function instant(now: Date | undefined): SQL {
  return now ? sql`${now.toISOString()}::timestamptz` : sql`statement_timestamp()`;
}

// Refused hits count too (hammering does not shorten the wait), capped so the counter cannot overflow.
const HITS_CAP = 1_000_000_000;

/**
 * Counts one attempt by `key` (a client address) in `bucket` and says whether it is within `limit` per
 * `windowMs`.
 */
export async function checkRateLimit(
  db: DbOrTx,
  bucket: string,
  key: string,
  opts: RateLimitOptions,
  now?: Date,
): Promise<RateLimitResult> {
  const [row] = rowsAs(await db.execute(rateLimitHit(bucket, key, opts, now)), rateLimitHitRow);
  await pruneNowAndThen(db, now);
  return rateLimitOutcome(row, opts);
}

/**
 * The hit as one statement, `hits` and `retry_after` returned: an upsert that starts a new window or
 * adds one to the current one. Usable as a CTE, so a request can count its attempt and read what it
 * asks for in one round trip (the code validation does).
 */
export function rateLimitHit(bucket: string, key: string, opts: RateLimitOptions, now?: Date): SQL {
  const at = instant(now);
  const windowEnd = sql`${at} + ${opts.windowMs} * interval '1 millisecond'`;
  return sql`
    INSERT INTO rate_limits AS r (bucket, key, hits, window_started_at, expires_at)
    VALUES (${bucket}, ${key}, 1, ${at}, ${windowEnd})
    ON CONFLICT (bucket, key) DO UPDATE SET
      hits = CASE WHEN r.expires_at <= ${at} THEN 1 ELSE LEAST(r.hits + 1, ${HITS_CAP}) END,
      window_started_at = CASE WHEN r.expires_at <= ${at} THEN ${at} ELSE r.window_started_at END,
      expires_at = CASE WHEN r.expires_at <= ${at} THEN ${windowEnd} ELSE r.expires_at END
    RETURNING hits, GREATEST(1, CEIL(EXTRACT(EPOCH FROM (expires_at - ${at}))))::int AS retry_after`;
}

export const rateLimitHitRow = z.object({ hits: col.int, retry_after: col.int });

/** Whether the counted hit is within the limit, and how long to wait when it is not. */
export function rateLimitOutcome(
  row: { hits: number; retry_after: number },
  opts: RateLimitOptions,
): RateLimitResult {
  const allowed = row.hits <= opts.limit;
  return {
    allowed,
    limit: opts.limit,
    remaining: Math.max(0, opts.limit - row.hits),
    retryAfterSeconds: allowed ? 0 : row.retry_after,
  };
}

/** Once a minute per process is often enough that the table holds little more than the live windows. */
export function pruneNowAndThen(db: DbOrTx, now?: Date): Promise<void> {
  return nowAndThen("rate-limit prune", PRUNE_EVERY_MS, () => pruneRateLimits(db, now));
}

const PRUNE_EVERY_MS = 60_000;
const PRUNE_BATCH = 1_000;

/**
 * Deletes up to `batch` windows that have ended. The outer condition is checked again on each row, so
 * a window that a concurrent hit has just restarted stays.
 */
export async function pruneRateLimits(db: DbOrTx, now?: Date, batch = PRUNE_BATCH): Promise<number> {
  const at = instant(now);
  const result = await db.execute(sql`
    DELETE FROM rate_limits
    WHERE (bucket, key) IN (
      SELECT bucket, key FROM rate_limits WHERE expires_at <= ${at} ORDER BY expires_at LIMIT ${batch}
    ) AND expires_at <= ${at}
    RETURNING 1`);
  return rowsAs(result, z.object({})).length;
}

/** A positive whole number from the environment, else `fallback` (unset, empty or garbage). */
export function limitFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}
