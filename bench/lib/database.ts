// The bench database: a PostgreSQL database (BENCH_DATABASE_URL) or a PGlite folder under bench/out,
// seeded through the project's own seed CLI (`npm run db:seed -- --referrals N`), or reused when it
// already holds the referrals asked for, so repeated runs don't reseed a million rows.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { createApiKey } from "@/lib/auth/api-keys";
import { openPglite, openPostgres, runMigrations, type DatabaseHandle } from "@/db/open";
import { moveLeaderboardWindow } from "@/lib/queries/leaderboard-window";
import { runNodeCapture } from "./server";

export type BenchDatabase = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

const root = process.cwd();

function maintenanceUrl(url: string): { admin: string; name: string } {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ""));
  if (!name) throw new Error("BENCH_DATABASE_URL must name a database");
  // The bench creates, drops (--reseed) and writes to this database: never one that isn't meant for it.
  if (!/bench/i.test(name)) {
    throw new Error(
      `BENCH_DATABASE_URL names "${name}": the bench only uses a database with "bench" in its name.`,
    );
  }
  u.pathname = "/postgres";
  return { admin: u.toString(), name };
}

async function referralCount(handle: DatabaseHandle | postgres.Sql): Promise<number> {
  const exists = "SELECT to_regclass('referral_usage_log') IS NOT NULL AS ok";
  const count = "SELECT count(*)::int AS n FROM referral_usage_log";
  if ("db" in handle) {
    const [{ ok }] = await rows<{ ok: boolean }>(handle, exists);
    return ok ? Number((await rows<{ n: number }>(handle, count))[0].n) : -1;
  }
  const [{ ok }] = await handle.unsafe(exists);
  return ok ? Number((await handle.unsafe(count))[0].n) : -1;
}

async function seed(db: BenchDatabase, referrals: number): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (db.kind === "postgres") env.DATABASE_URL = db.url;
  else {
    delete env.DATABASE_URL;
    env.PGLITE_DATA_DIR = db.dir;
  }
  const started = performance.now();
  const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
  const out = await runNodeCapture([tsx, "seed/seed-cli.ts", "--referrals", String(referrals)], env);
  console.log(out.trimEnd().replace(/^/gm, "[seed] "));
  return (performance.now() - started) / 1000;
}

export type Prepared = { db: BenchDatabase; referrals: number; seeded: boolean; seedSeconds?: number };

/**
 * Reuses a database that already holds at least `referrals` (or any, with `reuse`); seeds an empty one;
 * with `reseed`, drops and recreates it first. A partly seeded database is refused rather than guessed at.
 */
export async function prepareDatabase(opts: {
  url?: string;
  referrals: number;
  reuse: boolean;
  reseed: boolean;
}): Promise<Prepared> {
  let db: BenchDatabase;
  let existing: number;
  if (opts.url) {
    db = { kind: "postgres", url: opts.url };
    const { admin, name } = maintenanceUrl(opts.url);
    const server = postgres(admin, { max: 1, onnotice: () => {} });
    try {
      const [found] = await server`SELECT 1 AS one FROM pg_database WHERE datname = ${name}`;
      if (found && opts.reseed) {
        await server.unsafe(`DROP DATABASE "${name.replace(/"/g, '""')}" WITH (FORCE)`);
      }
      if (!found || opts.reseed) await server.unsafe(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    } finally {
      await server.end({ timeout: 5 });
    }
    const client = postgres(opts.url, { max: 1, onnotice: () => {} });
    try {
      existing = await referralCount(client);
    } finally {
      await client.end({ timeout: 5 });
    }
  } else {
    const dir = path.join(root, "bench", "out", `pglite-${opts.referrals}`);
    db = { kind: "pglite", dir };
    if (opts.reseed) rmSync(dir, { recursive: true, force: true });
    if (existsSync(dir)) {
      const handle = await openPglite({ dataDir: dir });
      try {
        existing = await referralCount(handle);
      } finally {
        await handle.close();
      }
    } else {
      mkdirSync(path.dirname(dir), { recursive: true });
      existing = -1;
    }
  }

  if (existing > 0 && (opts.reuse || existing >= opts.referrals * 0.98)) {
    await maintain(db);
    return { db, referrals: existing, seeded: false };
  }
  if (existing > 0) {
    throw new Error(
      `The bench database holds ${existing} referrals, fewer than the ${opts.referrals} asked for: ` +
        "pass --reseed (drop it and seed again) or --reuse (measure it as it is).",
    );
  }
  const seedSeconds = await seed(db, opts.referrals);
  // Measured as a reused database is: the seed analyzes only the tables it bulk-loads, and with autovacuum
  // off (as on the bench machine) the codes and the rollups would be planned without statistics — hash
  // joins over every code's counters on the dashboard instead of the referrer's few index look-ups.
  await maintain(db);
  const handle = await openBench(db);
  try {
    return { db, referrals: await referralCount(handle), seeded: true, seedSeconds };
  } finally {
    await handle.close();
  }
}

/**
 * A reused database is brought to the code's schema before the server starts (a migration's backfill at a
 * million rows would otherwise run inside the server's start-up), then vacuumed and analyzed as a server
 * with autovacuum would keep it: the planner needs fresh statistics, index-only scans need visibility.
 */
async function maintain(db: BenchDatabase): Promise<void> {
  if (db.kind !== "postgres") return;
  const handle = await openPostgres(db.url, { max: 1 });
  try {
    await runMigrations(handle);
    // The leaderboard's 30 days where the app's job (leaderboard:move-window) would have moved them by
    // now: the bench server runs with JOBS=off, and a database seeded on an earlier day would otherwise
    // be measured on the board's slower path for a window nobody moved.
    await moveLeaderboardWindow(handle.db, new Date());
  } finally {
    await handle.close();
  }
  const client = postgres(db.url, { max: 1, onnotice: () => {} });
  try {
    await client.unsafe("VACUUM (ANALYZE)");
  } finally {
    await client.end({ timeout: 5 });
  }
}

export function openBench(db: BenchDatabase, max = 10): Promise<DatabaseHandle> {
  return db.kind === "postgres" ? openPostgres(db.url, { max }) : openPglite({ dataDir: db.dir });
}

/** Plain rows from a raw statement on either driver. */
export async function rows<T>(handle: DatabaseHandle, text: string): Promise<T[]> {
  const res = (await handle.db.execute(text)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(res) ? res : (res.rows ?? []);
}

export type Fixtures = {
  apiKey: string;
  adminEmail: string;
  /** Codes a signup can use, in random order (every usable, unlimited code up to 5,000). */
  codes: string[];
  hotCode: string;
  topReferrer: { id: number; email: string; referrals: number };
  /** Referred clients, for payments. */
  payerIds: number[];
  campaignId: number | null;
};

/** What the load needs from the seeded database, and an API key made for this run. */
export async function loadFixtures(handle: DatabaseHandle): Promise<Fixtures> {
  const key = await createApiKey(handle.db, { name: `bench ${new Date().toISOString()}` });
  const [admin] = await rows<{ email: string }>(
    handle,
    "SELECT email FROM users WHERE role = 'admin' AND status = 'active' ORDER BY id LIMIT 1",
  );
  const usable = `rc.is_active AND rc.usage_limit IS NULL AND (rc.expires_at IS NULL OR rc.expires_at > now())
                  AND u.role = 'client' AND u.status = 'active'`;
  const codes = await rows<{ code: string }>(
    handle,
    `SELECT rc.code FROM referral_codes rc JOIN users u ON u.id = rc.client_id WHERE ${usable} ORDER BY random() LIMIT 5000`,
  );
  const [top] = await rows<{ id: number; email: string; code: string; referrals: number }>(
    handle,
    `SELECT u.id, u.email, rc.code, rc.usage_count AS referrals
       FROM referral_codes rc JOIN users u ON u.id = rc.client_id
      WHERE ${usable} ORDER BY rc.usage_count DESC, rc.id LIMIT 1`,
  );
  const payers = await rows<{ id: number }>(
    handle,
    `SELECT referred_user_id AS id FROM referral_usage_log TABLESAMPLE SYSTEM (5)
      WHERE commission_eligible LIMIT 5000`,
  );
  // A small database samples too few pages: then all of it, shuffled.
  const fallbackPayers =
    payers.length >= 500
      ? payers
      : await rows<{ id: number }>(
          handle,
          "SELECT referred_user_id AS id FROM referral_usage_log WHERE commission_eligible ORDER BY random() LIMIT 5000",
        );
  const [campaign] = await rows<{ id: number }>(
    handle,
    "SELECT id FROM referral_campaigns ORDER BY id LIMIT 1",
  ).catch(() => [] as { id: number }[]);
  if (!admin || !top || !codes.length || !fallbackPayers.length) {
    throw new Error("The bench database has no admin, no usable code or no referrals: is it seeded?");
  }
  return {
    apiKey: key.key,
    adminEmail: admin.email,
    codes: codes.map((c) => c.code),
    hotCode: top.code,
    topReferrer: { id: Number(top.id), email: top.email, referrals: Number(top.referrals) },
    payerIds: fallbackPayers.map((p) => Number(p.id)),
    campaignId: campaign ? Number(campaign.id) : null,
  };
}
