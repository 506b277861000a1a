import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import type { DbOrTx } from "@/db/types";
import { writeAudit } from "@/lib/audit";
import { nowAndThen } from "@/lib/housekeeping";
import { instant, limitFromEnv } from "@/lib/rate-limit";

// Sign-in throttling, per account and per client address, kept in PostgreSQL (login_throttles) so it
// holds across server instances. An attempt is charged *before* the password is checked, in one upsert
// per key, so N parallel guesses against a budget of L get exactly L password checks; a successful
// sign-in then gives the charge back. Going over the budget locks the key out, each consecutive
// lock-out twice as long as the one before. The e-mail is counted whether or not an account has it,
// so the answer (429) never tells anyone which e-mails exist.

export type LoginThrottleConfig = {
  /** Attempts per e-mail per window before a lock-out. */
  maxPerEmail: number;
  /** Attempts per client address per window (many accounts from one place). */
  maxPerAddress: number;
  windowMs: number;
  /** The first lock-out; later ones double, up to `maxLockMs`. */
  lockMs: number;
  maxLockMs: number;
  /** A key that has not been locked out for this long starts again from the first lock-out's length. */
  forgetMs: number;
};

const MINUTE = 60_000;

/** Defaults: 10 per e-mail and 30 per address in 15 minutes, then 15 min, 30 min, 1 h … up to a day. */
export function loginThrottleConfig(): LoginThrottleConfig {
  return {
    maxPerEmail: limitFromEnv("LOGIN_MAX_FAILURES", 10),
    maxPerAddress: limitFromEnv("LOGIN_MAX_FAILURES_PER_ADDRESS", 30),
    windowMs: 15 * MINUTE,
    lockMs: 15 * MINUTE,
    maxLockMs: 24 * 60 * MINUTE,
    forgetMs: 24 * 60 * MINUTE,
  };
}

export type LoginAttempt = { email: string; ip: string | null };
export type LoginGate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const chargeRow = z.object({
  scope: z.enum(["email", "address"]),
  key: col.text,
  locked: col.bool,
  just_locked: col.bool,
  lockouts: col.int,
  retry_after: col.int,
  locked_until: col.nullableTimestamp,
});

/**
 * Charges one sign-in attempt to the e-mail and to the address, and says whether it may go ahead.
 * A refused attempt during a lock-out changes nothing but a counter; the attempt that starts a
 * lock-out is audited (`auth.login_locked`).
 */
export async function beginLoginAttempt(
  db: DbOrTx,
  attempt: LoginAttempt,
  config: LoginThrottleConfig = loginThrottleConfig(),
  now?: Date,
): Promise<LoginGate> {
  const at = instant(now);
  const keys = [sql`('email', ${attempt.email}, 1, ${at}, 0, NULL::timestamptz, 0, ${at})`];
  if (attempt.ip) keys.push(sql`('address', ${attempt.ip}, 1, ${at}, 0, NULL::timestamptz, 0, ${at})`);

  const max = sql`(CASE t.scope WHEN 'email' THEN ${config.maxPerEmail}::int ELSE ${config.maxPerAddress}::int END)`;
  const locked = sql`(t.locked_until IS NOT NULL AND t.locked_until > ${at})`;
  const windowOver = sql`(t.window_started_at + ${config.windowMs} * interval '1 millisecond' <= ${at})`;
  const attemptsSoFar = sql`(CASE WHEN ${windowOver} THEN 0 ELSE t.attempts END)`;
  const over = sql`(NOT ${locked} AND ${attemptsSoFar} + 1 > ${max})`;
  const previousLockouts = sql`(CASE WHEN t.locked_until IS NOT NULL
      AND t.locked_until + ${config.forgetMs} * interval '1 millisecond' <= ${at} THEN 0 ELSE t.lockouts END)`;
  const lockedUntil = sql`(${at} + LEAST(${config.lockMs}::float8 * power(2, LEAST(${previousLockouts}, 30)),
      ${config.maxLockMs}::float8) * interval '1 millisecond')`;

  // Every SET expression reads the row as it was; the row lock orders concurrent attempts.
  const result = await db.execute(sql`
    INSERT INTO login_throttles AS t
      (scope, key, attempts, window_started_at, lockouts, locked_until, refused, updated_at)
    VALUES ${sql.join(keys, sql`, `)}
    ON CONFLICT (scope, key) DO UPDATE SET
      attempts = CASE WHEN ${locked} THEN t.attempts WHEN ${over} THEN 0 ELSE ${attemptsSoFar} + 1 END,
      window_started_at = CASE WHEN ${locked} THEN t.window_started_at
        WHEN ${over} THEN ${lockedUntil} WHEN ${windowOver} THEN ${at} ELSE t.window_started_at END,
      lockouts = CASE WHEN ${over} THEN ${previousLockouts} + 1 ELSE t.lockouts END,
      locked_until = CASE WHEN ${over} THEN ${lockedUntil} ELSE t.locked_until END,
      refused = CASE WHEN ${locked} THEN LEAST(t.refused + 1, 1000000000) WHEN ${over} THEN 0 ELSE t.refused END,
      updated_at = ${at}
    RETURNING scope, key, lockouts, locked_until,
      (locked_until IS NOT NULL AND locked_until > ${at}) AS locked,
      (locked_until IS NOT NULL AND locked_until > ${at} AND refused = 0) AS just_locked,
      GREATEST(1, CEIL(EXTRACT(EPOCH FROM (locked_until - ${at}))))::int AS retry_after`);
  const rows = rowsAs(result, chargeRow);
  await nowAndThen("login-throttle prune", PRUNE_EVERY_MS, () => pruneLoginThrottles(db, config, now));

  for (const row of rows.filter((r) => r.just_locked)) {
    await writeAudit(
      db,
      { actorUserId: null, ip: attempt.ip },
      {
        action: "auth.login_locked",
        entityType: "login",
        entityId: row.key,
        details: {
          scope: row.scope,
          lockout: row.lockouts,
          locked_until: row.locked_until!.toISOString(),
          retry_after_seconds: row.retry_after,
        },
      },
    );
  }
  const refusals = rows.filter((r) => r.locked);
  if (!refusals.length) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(...refusals.map((r) => r.retry_after)) };
}

/**
 * A sign-in succeeded: the account starts afresh, and the address gets its charge back (an office
 * behind one address should not be locked out by its own successful sign-ins). A lock-out that began
 * meanwhile stays.
 */
export async function settleLoginSuccess(db: DbOrTx, attempt: LoginAttempt, now?: Date): Promise<void> {
  const at = instant(now);
  const unlocked = sql`(locked_until IS NULL OR locked_until <= ${at})`;
  await db.execute(
    sql`DELETE FROM login_throttles WHERE scope = 'email' AND key = ${attempt.email} AND ${unlocked}`,
  );
  if (attempt.ip) {
    await db.execute(sql`
      UPDATE login_throttles SET attempts = GREATEST(attempts - 1, 0), updated_at = ${at}
      WHERE scope = 'address' AND key = ${attempt.ip} AND ${unlocked}`);
  }
}

const PRUNE_EVERY_MS = 60_000;

/** Deletes up to `batch` keys that are neither locked nor remembered for a doubled lock-out. */
export async function pruneLoginThrottles(
  db: DbOrTx,
  config: LoginThrottleConfig = loginThrottleConfig(),
  now?: Date,
  batch = 1_000,
): Promise<number> {
  const at = instant(now);
  const stale = sql`updated_at + ${Math.max(config.forgetMs, config.windowMs)} * interval '1 millisecond' <= ${at}
    AND (locked_until IS NULL OR locked_until + ${config.forgetMs} * interval '1 millisecond' <= ${at})`;
  const result = await db.execute(sql`
    DELETE FROM login_throttles
    WHERE (scope, key) IN (SELECT scope, key FROM login_throttles WHERE ${stale} ORDER BY updated_at LIMIT ${batch})
      AND ${stale}
    RETURNING 1`);
  return rowsAs(result, z.object({})).length;
}
