// Bulk referrals for demos and benchmarks, generated inside the database: one multi-row INSERT … SELECT
// per table and batch (no round trip per row), so statement-level triggers move their counters once per
// batch. The program mode (`npm run db:seed -- --referrals N`) adds what a real program accumulates:
// a long tail of generated clients who own codes and referred others, payments, and the points and
// commissions those events earn — written with the same columns and invariants as the domain code.
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import type { Db, DbOrTx } from "@/db/types";
import { analyzeBulkTables, beginBulkLoad, finishBulkLoad } from "./bulk-load";
import { seedProgramMoney } from "./bulk-money";
import { loadPointsPlan, writeReferralPoints } from "./bulk-points";

export type SeedProgress = { phase: string; done: number; total: number; seconds: number };

export type GenerateReferralsOptions = {
  count: number;
  /** Demo referrers picked in turn (an e-mail listed k times gets k shares of the picks). */
  referrerEmails: string[];
  passwordHash: string;
  /** Signups spread over the last `days` days, growing towards today. */
  days?: number;
  batchSize?: number;
  /**
   * The realistic program: `share` of the referrals go to `referrers` generated clients (the first ones
   * generated, each given a code), skewed so a few refer a lot and most a little; the referred clients
   * pay (a share of them, monthly), and points, commissions and payout batches follow.
   */
  program?: { tailShare: number; tailReferrers: number; payingShare?: number };
  onProgress?: (progress: SeedProgress) => void;
  now?: Date;
};

const FIRST = `ARRAY['Olivia','Liam','Emma','Noah','Ava','Elijah','Sofia','Lucas','Mia','Mateo','Isla','Kai','Zoe','Leo','Aria','Ezra','Luna','Omar','Nora','Ivy']`;
const LAST = `ARRAY['Smith','Garcia','Kim','Patel','Nguyen','Brown','Silva','Cohen','Okafor','Rossi','Müller','Dubois','Khan','Lopez','Ito','Novak']`;

/** A uniform number in [0, 1) from the generated row's index and a stream number (reproducible). */
const unit = (index: SQL, stream: number) =>
  sql`((hashint8extended((${index})::bigint, ${stream}) & 4503599627370495)::float8 / 4503599627370496.0)`;

/** A generated referrer's code, from their user id: `U00001234`. */
export const generatedCode = (userId: SQL) => sql`'U' || lpad((${userId})::text, 8, '0')`;

/**
 * Bulk attributed signups: users, subscriptions, sites, clicks (about three per signup, the converting
 * one linked to it) and usage-log rows, some flagged. Signup times grow with the row's index, so the
 * rows are in signup order. Batches keep each transaction bounded; the usage-count trigger (a per-row
 * trigger) is paused per batch and the counts moved by the batch's totals in the same transaction.
 */
export async function generateReferrals(db: Db, opts: GenerateReferralsOptions): Promise<void> {
  if (!opts.program) return generate(db, opts, false);
  // The program: one transaction in bulk mode (triggers and secondary indexes off, rollups recounted).
  const started = performance.now();
  const report = (phase: string, done: number, total: number) =>
    opts.onProgress?.({ phase, done, total, seconds: (performance.now() - started) / 1000 });
  await db.transaction(async (tx) => {
    const load = await beginBulkLoad(tx);
    await generate(tx, opts, true);
    await finishBulkLoad(tx, load, report);
  });
}

async function generate(db: DbOrTx, opts: GenerateReferralsOptions, bulk: boolean): Promise<void> {
  const days = opts.days ?? 90;
  const batchSize = opts.batchSize ?? 20_000;
  const now = opts.now ?? new Date();
  const program = opts.program;
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const referrers = rowsAs(
    await db.execute(sql`
      SELECT DISTINCT ON (u.email) u.id, rc.id AS code_id, rc.code, u.email
        FROM users u JOIN referral_codes rc ON rc.client_id = u.id
       WHERE u.email IN ${
         opts.referrerEmails.length
           ? sql`(${sql.join(
               [...new Set(opts.referrerEmails)].map((e) => sql`${e}`),
               sql`, `,
             )})`
           : sql`(NULL)`
       }
       ORDER BY u.email, rc.id`),
    z.object({ id: col.int, code_id: col.int, code: col.text, email: col.text }),
  );
  const byEmail = new Map(referrers.map((r) => [r.email, r]));
  const picks = opts.referrerEmails.map((e) => byEmail.get(e)).filter((r) => r !== undefined);
  if (!picks.length || opts.count <= 0) return;
  const referrerIds = `{${picks.map((p) => p.id).join(",")}}`;
  const codeIds = `{${picks.map((p) => p.code_id).join(",")}}`;
  const codes = `{${picks.map((p) => `"${p.code}"`).join(",")}}`;
  const count = opts.count;

  const [bases] = rowsAs(
    await db.execute(sql`
      SELECT COALESCE((SELECT max(id) FROM users), 0)::int AS users,
             COALESCE((SELECT max(id) FROM referral_codes), 0)::int AS codes,
             COALESCE((SELECT max(id) FROM referral_usage_log), 0)::bigint AS referrals,
             COALESCE((SELECT max(id) FROM payments), 0)::int AS payments,
             COALESCE((SELECT max(id) FROM subscriptions), 0)::int AS subscriptions,
             COALESCE((SELECT max(id) FROM referral_clicks), 0)::bigint AS clicks`),
    z.object({
      users: col.int,
      codes: col.int,
      referrals: col.int,
      payments: col.int,
      subscriptions: col.int,
      clicks: col.int,
    }),
  );
  // Pool referrer j (1-based) is the j-th generated user; their code gets id codeBase + j.
  const pool = program ? Math.min(program.tailReferrers, Math.floor(count / 2)) : 0;
  const tailShare = program && pool > 0 ? program.tailShare : 0;
  const payingShare = program ? (program.payingShare ?? 0.25) : 0;
  const pointsPlan = program ? await loadPointsPlan(db, now) : null;
  let prior = program ? await pointsPlan!.priorCounts(db) : new Map<number, number>();

  const started = performance.now();
  const report = (phase: string, done: number, total: number) =>
    opts.onProgress?.({ phase, done, total, seconds: (performance.now() - started) / 1000 });

  // Global index s (1…count) → user id, signup time, referrer. Ages shrink with s: rows are in time order.
  const at = (s: SQL) =>
    sql`(${nowSql} - power(1 - (${s})::float8 / ${count + 1}, 1.4) * ${days} * interval '1 day')`;
  const tail = (s: SQL) =>
    tailShare > 0 ? sql`((${s}) > ${pool} AND ${unit(s, 1)} < ${tailShare})` : sql`false`;
  const poolIndex = (s: SQL) => sql`(1 + floor(${pool} * power(${unit(s, 2)}, 4))::int)`;
  // Clients who pay: monthly from the end of the 7-day trial, for `life` months or until now.
  const firstAt = (s: SQL) => sql`(${at(s)} + interval '7 days' + ((${s}) % 3600) * interval '1 second')`;
  const life = (s: SQL) => sql`(1 + floor(power(${unit(s, 5)}, 2) * 14)::int)`;
  const paid = (s: SQL) =>
    program ? sql`(${unit(s, 4)} < ${payingShare} AND ${firstAt(s)} <= ${nowSql})` : sql`false`;
  const months = (s: SQL) =>
    sql`(CASE WHEN ${paid(s)} THEN least(${life(s)}, 1 + (SELECT count(*) FROM generate_series(1, 15) m
                                         WHERE ${firstAt(s)} + m * interval '1 month' <= ${nowSql}))::int
              ELSE 0 END)`;
  const tiers = rowsAs(
    await db.execute(sql`SELECT id, monthly_price_cents AS price FROM subscription_tiers
                          WHERE sort_order IN (1, 2, 3) ORDER BY sort_order`),
    z.object({ id: col.int, price: col.int }),
  );
  const tierId = (s: SQL) => sql`(${`{${tiers.map((t) => t.id).join(",")}}`}::int[])[1 + (${s}) % 3]`;
  const price = (s: SQL) => sql`(${`{${tiers.map((t) => t.price).join(",")}}`}::bigint[])[1 + (${s}) % 3]`;

  for (let done = 0; done < count; done += batchSize) {
    const n = Math.min(batchSize, count - done);
    await db.transaction(async (tx) => {
      // A batch lost in a crash is simply not there: no need to wait for its WAL flush at commit.
      await tx.execute(sql`SET LOCAL synchronous_commit = off`);
      if (!bulk) {
        await tx.execute(sql`ALTER TABLE referral_usage_log DISABLE TRIGGER update_referral_usage_count`);
      }
      const s = sql`${done}::int + k`;
      await tx.execute(sql`
        WITH g AS (
          SELECT s, ${bases.users}::int + s AS uid, s % 29 = 0 AS flagged,
                 CASE WHEN ${tail(sql`s`)} THEN ${bases.users}::int + ${poolIndex(sql`s`)}
                      ELSE (${referrerIds}::int[])[1 + (s % ${picks.length})] END AS referrer_id,
                 CASE WHEN ${tail(sql`s`)} THEN ${generatedCode(sql`${bases.users}::int + ${poolIndex(sql`s`)}`)}
                      ELSE (${codes}::text[])[1 + (s % ${picks.length})] END AS code,
                 (${sql.raw(FIRST)})[1 + (s * 7) % 20] AS first,
                 (${sql.raw(LAST)})[1 + (s * 11) % 16] AS last,
                 ${at(sql`s`)} AS at,
                 ${firstAt(sql`s`)} AS first_at, ${paid(sql`s`)} AS paid, ${months(sql`s`)} AS months,
                 ${firstAt(sql`s`)} + least(${life(sql`s`)}, 15) * interval '1 month' <= ${nowSql} AS churned
            FROM (SELECT ${s} AS s FROM generate_series(1, ${n}::int) k) q
        ), new_users AS (
          INSERT INTO users (id, email, normalized_email, name, password_hash, business_type, region_id,
                             account_number, slug, referral_code_used, referred_by_user_id,
                             points_balance, points_pending, created_at, updated_at)
          OVERRIDING SYSTEM VALUE
          SELECT uid, lower(first || '.' || last || uid) || '@example.net', lower(first || '.' || last || uid) || '@example.net',
                 first || ' ' || last, ${opts.passwordHash},
                 (ARRAY['creator','studio','agency','coach'])[1 + s % 4], 1,
                 'MO-US-30-D' || lpad(uid::text, 7, '0'), 'demo-' || uid, code, referrer_id,
                 ${pointsPlan ? sql`CASE WHEN flagged THEN 0 ELSE ${pointsPlan.newClientPoints} END` : sql`0`},
                 ${pointsPlan ? sql`CASE WHEN flagged THEN ${pointsPlan.newClientPoints} ELSE 0 END` : sql`0`},
                 at, at
            FROM g
          RETURNING id
        ), subs AS (
          INSERT INTO subscriptions (id, user_id, tier_id, status, trial_ends_at, current_period_end, continuous_since,
                                     canceled_at, created_at, updated_at)
          OVERRIDING SYSTEM VALUE
          SELECT ${bases.subscriptions}::int + p.s, p.uid, ${tierId(sql`p.s`)},
                 (CASE WHEN p.first_at > ${nowSql} THEN 'trial'
                       WHEN ${program ? sql`p.paid AND NOT p.churned` : sql`p.s % 5 <> 0`} THEN 'active'
                       ELSE 'canceled' END)::subscription_status,
                 p.at + interval '7 days',
                 CASE WHEN p.paid THEN p.first_at + p.months * interval '1 month' END,
                 CASE WHEN p.paid THEN p.first_at END,
                 CASE WHEN p.first_at > ${nowSql} THEN NULL
                      WHEN p.paid AND p.churned THEN p.first_at + p.months * interval '1 month'
                      WHEN ${program ? sql`NOT p.paid` : sql`false`} THEN p.at + interval '7 days' END,
                 p.at, p.at
            FROM g p
        ), pays AS (
          INSERT INTO payments (user_id, subscription_id, external_id, type, amount_cents, currency, source,
                                occurred_at, created_at)
          SELECT p.uid, ${bases.subscriptions}::int + p.s, 'seed_inv_' || p.uid || '_' || (m + 1), 'payment', ${price(sql`p.s`)}, 'usd', 'demo',
                 p.first_at + m * interval '1 month', p.first_at + m * interval '1 month'
            FROM g p CROSS JOIN LATERAL generate_series(0, p.months - 1) m
           WHERE p.paid
        )
        INSERT INTO client_sites (user_id, name, created_at) SELECT uid, first || ' ' || last, at FROM g`);
      if (pool > 0 && done < pool) {
        // The long tail's referrers: the first generated clients, each with a code from their signup on.
        await tx.execute(sql`
          INSERT INTO referral_codes (id, client_id, code, canonical_code, code_name, created_at, updated_at)
          OVERRIDING SYSTEM VALUE
          SELECT ${bases.codes}::int + j, ${bases.users}::int + j, ${generatedCode(sql`${bases.users}::int + j`)},
                 ${generatedCode(sql`${bases.users}::int + j`)}, NULL, ${at(sql`j`)}, ${at(sql`j`)}
            FROM generate_series(${done + 1}::int, ${Math.min(pool, done + n)}::int) j`);
      }
      await tx.execute(sql`
        WITH g AS (
          SELECT s, ${bases.users}::int + s AS uid, s % 29 = 0 AS flagged,
                 CASE WHEN ${tail(sql`s`)} THEN ${bases.users}::int + ${poolIndex(sql`s`)}
                      ELSE (${referrerIds}::int[])[1 + (s % ${picks.length})] END AS referrer_id,
                 CASE WHEN ${tail(sql`s`)} THEN ${bases.codes}::int + ${poolIndex(sql`s`)}
                      ELSE (${codeIds}::int[])[1 + (s % ${picks.length})] END AS code_id,
                 CASE WHEN ${tail(sql`s`)} THEN ${generatedCode(sql`${bases.users}::int + ${poolIndex(sql`s`)}`)}
                      ELSE (${codes}::text[])[1 + (s % ${picks.length})] END AS code,
                 -- Program mode: one in ten typed the code in by hand (no click to link).
                 ${program ? sql`s % 10 = 3` : sql`false`} AS typed,
                 (ARRAY['link','link','whatsapp','email','sms','qr','social','link'])[1 + (s * 3) % 8]::referral_source AS source,
                 ${at(sql`s`)} AS at,
                 -- What the client has paid (their payments went in first, before the referral existed).
                 ${price(sql`s`)} * ${months(sql`s`)} AS net_paid
            FROM (SELECT ${s} AS s FROM generate_series(1, ${n}::int) k) q
        ), clicks AS (
          INSERT INTO referral_clicks (id, referral_code_id, ip_hash, user_agent, source, device_id, clicked_at)
          OVERRIDING SYSTEM VALUE
          SELECT ${bases.clicks}::bigint + s, code_id, md5('ip' || uid), 'Mozilla/5.0 (demo)', source, 'demo-' || uid, at - ((s % 50) + 1) * interval '1 minute'
            FROM g WHERE NOT typed
        ), logged AS (
          INSERT INTO referral_usage_log (id, referral_code_id, referrer_user_id, referred_user_id, code_used, signup_ip, ip_hash,
                                          signup_user_agent, device_id, source, click_id, fraud_flags, is_flagged,
                                          review_status, commission_eligible, net_paid_cents, used_at)
          OVERRIDING SYSTEM VALUE
          SELECT ${bases.referrals}::bigint + g.s, g.code_id, g.referrer_id, g.uid, g.code,
                 -- A flagged signup came from its referrer's address (what "same IP as referrer" says); the
                 -- referrer's last known address is set to match below.
                 '203.0.113.' || ((CASE WHEN g.flagged THEN g.referrer_id ELSE g.uid END) % 250 + 1),
                 md5('ip' || CASE WHEN g.flagged THEN g.referrer_id ELSE g.uid END), 'Mozilla/5.0 (demo)', 'demo-' || g.uid,
                 CASE WHEN g.typed THEN 'manual'::referral_source ELSE g.source END,
                 CASE WHEN g.typed THEN NULL ELSE ${bases.clicks}::bigint + g.s END,
                 CASE WHEN g.flagged
                      THEN '[{"rule":"same_ip_as_referrer","reason":"Signed up from the same IP address as the referrer"}]'::jsonb
                      ELSE '[]'::jsonb END,
                 g.flagged,
                 (CASE WHEN g.flagged THEN 'pending' ELSE 'not_required' END)::review_status,
                 NOT g.flagged, g.net_paid, g.at
            FROM g
          RETURNING referral_code_id
        )
        UPDATE referral_codes rc SET usage_count = rc.usage_count + u.n
          FROM (SELECT referral_code_id, count(*)::int AS n FROM logged GROUP BY 1) u
         WHERE rc.id = u.referral_code_id`);
      // Clicks that did not convert, on the same codes and in the same period as the batch's signups, so
      // every code has about three clicks per signup. Program mode tops typed-in signups up to three.
      let typed = 0;
      for (let k = done + 1; program && k <= done + n; k++) if (k % 10 === 3) typed++;
      const visits = program ? 2 * n + typed : 2 * n;
      await tx.execute(sql`
        INSERT INTO referral_clicks (id, referral_code_id, ip_hash, user_agent, source, clicked_at)
        OVERRIDING SYSTEM VALUE
        SELECT ${bases.clicks + count}::bigint + v, CASE WHEN ${tail(sql`s`)} THEN ${bases.codes}::int + ${poolIndex(sql`s`)}
                    ELSE (${codeIds}::int[])[1 + (s % ${picks.length})] END,
               md5('visitor' || (${bases.users}::bigint + v)), 'Mozilla/5.0 (demo)',
               (ARRAY['link','whatsapp','link','social','email','qr','sms','link'])[1 + (v * 5) % 8]::referral_source,
               ${
                 program
                   ? sql`greatest(${at(sql`s`)} - ${unit(sql`v`, 6)} * interval '3 days',
                                  CASE WHEN ${tail(sql`s`)} THEN ${at(poolIndex(sql`s`))} ELSE ${at(sql`s`)} - interval '3 days' END)`
                   : sql`${nowSql} - (((v::bigint * 6151) % 1000) / 1000.0 * ${days} * interval '1 day')`
               }
          FROM (SELECT v, ${done}::int + 1 + ((v - 1) % ${n}::int) AS s
                  FROM generate_series(${done * 3 + 1}::int, ${done * 3 + visits}::int) v) q`);
      if (!bulk) {
        await tx.execute(sql`ALTER TABLE referral_usage_log ENABLE TRIGGER update_referral_usage_count`);
      }
      if (pointsPlan) {
        prior = await writeReferralPoints(tx, pointsPlan, {
          fromReferralId: bases.referrals + done,
          toReferralId: bases.referrals + done + n,
          prior,
        });
      }
    });
    report("referrals", done + n, count);
  }
  // Each referrer of a flagged signup gets the last known address that signup matched (md5('ip' || id),
  // a generated client's own signup address too), so the review queue's "Same IP as referrer" evidence
  // is true of the data and shows the matching address on both sides.
  await db.execute(sql`
    UPDATE users u SET last_ip_hash = md5('ip' || u.id)
     WHERE u.last_ip_hash IS NULL
       AND u.id IN (SELECT referrer_user_id FROM referral_usage_log WHERE is_flagged AND referrer_user_id IS NOT NULL)`);
  // Identity sequences must move past the explicit ids used above.
  await db.execute(sql`SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users))`);
  for (const table of ["referral_usage_log", "subscriptions", "referral_clicks"]) {
    await db.execute(
      sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), (SELECT max(id) FROM ${sql.identifier(table)}))`,
    );
  }
  if (pool > 0) {
    await db.execute(
      sql`SELECT setval(pg_get_serial_sequence('referral_codes', 'id'), (SELECT max(id) FROM referral_codes))`,
    );
  }
  if (program) {
    if (bulk) await analyzeBulkTables(db);
    await seedProgramMoney(db, {
      fromReferralId: bases.referrals,
      fromPaymentId: bases.payments,
      now,
      onProgress: (phase, doneRows, total) => report(phase, doneRows, total),
    });
  }
}
