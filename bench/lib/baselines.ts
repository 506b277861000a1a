// Baselines measured in the same run as the app: the argon2id ceiling with the app's own hashPassword,
// the attribution's statements and the code lookup through a raw client (postgres.js, or PGlite's own
// client), pgbench on the same SQL when it is installed, and COPY of the export's rows.
import { existsSync, writeFileSync } from "node:fs";
import postgres from "postgres";
import type { PGlite } from "@electric-sql/pglite";
import { hashPassword } from "@/lib/auth/password";
import { canonicalCode } from "@/lib/referrals/code-format";
import { openPglite } from "@/db/open";
import type { BenchDatabase } from "./database";
import { runCapture } from "./server";

export type Rate = { perSec: number; count: number; seconds: number; failed?: number };

async function loop(concurrency: number, seconds: number, fn: (i: number) => Promise<void>): Promise<Rate> {
  let count = 0;
  let failed = 0;
  let n = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        try {
          await fn(n++);
          count++;
        } catch {
          failed++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { perSec: count / elapsed, count, seconds: elapsed, failed };
}

/** argon2id hashes per second through lib/auth/password.ts at the given parallelism. */
export function argon2Ceiling(concurrency: number, seconds: number): Promise<Rate> {
  return loop(concurrency, seconds, async (i) => {
    await hashPassword(`bench password ${i}`);
  });
}

// The attribution at its core, as hand-written SQL: find the code and its owner, insert the user,
// insert the usage-log row (whose trigger claims the use on the code's row — the hot code's lock).
export const LOOKUP_SQL = `SELECT rc.id, rc.client_id, rc.code, rc.is_active, rc.expires_at, rc.usage_count, rc.usage_limit,
       u.name, u.email, u.role, u.status
  FROM referral_codes rc JOIN users u ON u.id = rc.client_id
 WHERE rc.canonical_code = $1 LIMIT 1`;
const INSERT_USER_SQL = `INSERT INTO users (email, normalized_email, name, password_hash, business_type, region_id,
                   account_number, slug, referral_code_used, referred_by_user_id)
VALUES ($1, $1, 'Bench Raw', 'x', 'creator', 1, $2, $3, $4, $5) RETURNING id`;
const INSERT_USE_SQL = `INSERT INTO referral_usage_log (referral_code_id, referrer_user_id, referred_user_id, code_used,
                                ip_hash, source, used_at)
VALUES ($1, $2, $3, $4, md5($5), 'api', now())`;

type Exec = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
export type RawClient = {
  query: Exec;
  transaction: <T>(fn: (q: Exec) => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
};

export async function openRaw(db: BenchDatabase, max: number): Promise<RawClient> {
  if (db.kind === "postgres") {
    const sql = postgres(db.url, { max, onnotice: () => {} });
    const execOn =
      (s: postgres.Sql | postgres.TransactionSql): Exec =>
      async (text, params) =>
        [...(await s.unsafe(text, params as never[], { prepare: true }))] as Record<string, unknown>[];
    return {
      query: execOn(sql),
      transaction: (fn) => sql.begin((t) => fn(execOn(t))) as never,
      close: () => sql.end({ timeout: 5 }),
    };
  }
  const handle = await openPglite({ dataDir: db.dir });
  const pg = (handle.db as unknown as { $client: PGlite }).$client;
  return {
    query: async (text, params) => (await pg.query<Record<string, unknown>>(text, params)).rows,
    transaction: (fn) =>
      pg.transaction((tx) =>
        fn(async (text, params) => (await tx.query<Record<string, unknown>>(text, params)).rows),
      ),
    close: () => handle.close(),
  };
}

/** The attribution's statements, replayed through the raw client in parallel on the given codes. */
export function rawAttribution(
  raw: RawClient,
  codes: string[],
  concurrency: number,
  seconds: number,
  tag: string,
) {
  const canonical = codes.map(canonicalCode);
  return loop(concurrency, seconds, async (i) => {
    await raw.transaction(async (q) => {
      const [code] = await q(LOOKUP_SQL, [canonical[i % canonical.length]]);
      const email = `bench-raw-${tag}-${i}@bench.invalid`;
      const [user] = await q(INSERT_USER_SQL, [
        email,
        `BR-${tag}-${i}`,
        `bench-raw-${tag}-${i}`,
        code.code,
        code.client_id,
      ]);
      await q(INSERT_USE_SQL, [code.id, code.client_id, user.id, code.code, email]);
    });
  });
}

/** The code lookup alone through the raw client. */
export function rawLookup(raw: RawClient, codes: string[], concurrency: number, seconds: number) {
  const canonical = codes.map(canonicalCode);
  return loop(concurrency, seconds, async (i) => {
    await raw.query(LOOKUP_SQL, [canonical[i % canonical.length]]);
  });
}

export const PGBENCH = "/usr/lib/postgresql/15/bin/pgbench";

export function hasPgbench(): boolean {
  return existsSync(process.env.BENCH_PGBENCH ?? PGBENCH);
}

/** pgbench on the same statements (prepared, `concurrency` clients); tps. */
export async function pgbenchAttribution(
  url: string,
  codes: string[],
  concurrency: number,
  seconds: number,
  scriptFile: string,
): Promise<Rate> {
  const list = codes
    .slice(0, 2000)
    .map((c) => `'${canonicalCode(c).replace(/'/g, "''")}'`)
    .join(",");
  // $n → a pgbench variable or expression; one statement per line, each ending in `;` or `\gset`.
  const bind = (text: string, values: string[]) =>
    values.reduce((t, v, i) => t.replaceAll(`$${i + 1}`, v), text).replace(/\s+/g, " ");
  const email = "('bench-pgb-' || txid_current() || '@bench.invalid')";
  const script = [
    `\\set i random(1, ${Math.min(codes.length, 2000)})`,
    "BEGIN;",
    `${bind(LOOKUP_SQL, [`(ARRAY[${list}])[:i]`])} \\gset c_`,
    `${bind(INSERT_USER_SQL, [email, "('BP-' || txid_current())", "('bench-pgb-' || txid_current())", ":c_code", ":c_client_id"])} \\gset u_`,
    `${bind(INSERT_USE_SQL, [":c_id", ":c_client_id", ":u_id", ":c_code", email])};`,
    "END;",
    "",
  ].join("\n");
  writeFileSync(scriptFile, script);
  return pgbench(url, scriptFile, concurrency, seconds);
}

async function pgbench(url: string, scriptFile: string, concurrency: number, seconds: number): Promise<Rate> {
  const out = await runCapture(
    process.env.BENCH_PGBENCH ?? PGBENCH,
    [
      "-n",
      "-M",
      "prepared",
      "-c",
      String(concurrency),
      "-j",
      "2",
      "-T",
      String(seconds),
      "-f",
      scriptFile,
      url,
    ],
    process.env,
  );
  const tps = Number(out.match(/tps = ([\d.]+)/)?.[1]);
  const count = Number(out.match(/number of transactions actually processed: (\d+)/)?.[1]);
  const failed = Number(out.match(/number of failed transactions: (\d+)/)?.[1] ?? 0);
  if (!Number.isFinite(tps)) throw new Error(`pgbench printed no tps:\n${out}`);
  return { perSec: tps, count, seconds, failed };
}

// Every referral with the export's columns, in the export's order, as one statement (the current tier
// set-based, as the export reads it).
export const EXPORT_SQL = `SELECT l.id, to_char(l.used_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS signup_date,
       l.code_used, l.signup_ip, l.source, l.is_flagged, l.commission_eligible, l.commission_paid,
       l.commission_amount_cents, r.email AS referrer_email, r.name AS referrer_name,
       d.email AS referred_email, d.name AS referred_name, tier.name AS subscription_tier
  FROM referral_usage_log l
  JOIN users d ON d.id = l.referred_user_id
  LEFT JOIN users r ON r.id = l.referrer_user_id
  LEFT JOIN (SELECT DISTINCT ON (s.user_id) s.user_id, t.name
               FROM subscriptions s JOIN subscription_tiers t ON t.id = s.tier_id
              ORDER BY s.user_id, s.created_at DESC, s.id DESC) tier ON tier.user_id = l.referred_user_id
 ORDER BY l.used_at, l.id`;

export type CopyResult = {
  rowsPerSec: number;
  rows: number;
  seconds: number;
  firstByteMs: number;
  bytes: number;
};

/** `COPY (export query) TO STDOUT` as CSV, read to the end; on PGlite, COPY to its blob device. */
export async function copyExport(db: BenchDatabase): Promise<CopyResult> {
  const started = performance.now();
  if (db.kind === "postgres") {
    const sql = postgres(db.url, { max: 1, onnotice: () => {} });
    try {
      const stream = await sql.unsafe(`COPY (${EXPORT_SQL}) TO STDOUT (FORMAT csv)`).readable();
      let firstByteMs = NaN;
      let rows = 0;
      let bytes = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (Number.isNaN(firstByteMs)) firstByteMs = performance.now() - started;
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++;
      }
      const seconds = (performance.now() - started) / 1000;
      return { rowsPerSec: rows / seconds, rows, seconds, firstByteMs, bytes };
    } finally {
      await sql.end({ timeout: 5 });
    }
  }
  const handle = await openPglite({ dataDir: db.dir });
  try {
    const pg = (handle.db as unknown as { $client: PGlite }).$client;
    const t0 = performance.now();
    const res = await pg.query(`COPY (${EXPORT_SQL}) TO '/dev/blob' WITH (FORMAT csv)`);
    const text = res.blob ? await res.blob.text() : "";
    const seconds = (performance.now() - t0) / 1000;
    const rows = text.split("\n").length - 1;
    return { rowsPerSec: rows / seconds, rows, seconds, firstByteMs: seconds * 1000, bytes: text.length };
  } finally {
    await handle.close();
  }
}
