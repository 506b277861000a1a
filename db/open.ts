import path from "node:path";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import * as schema from "./schema";
import { statementTap } from "./statement-log";
import type { Db } from "./types";

export type DatabaseHandle = {
  db: Db;
  kind: "pglite" | "postgres";
  url?: string;
  close: () => Promise<void>;
};

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

// Money is bigint cents and sum() over bigint is numeric: both come back as JS numbers on both drivers
// (postgres.js gives int8 and numeric as strings, PGlite numeric as a string). Single amounts are bounded
// by CENTS_MAX (10^12), so ids, counts and sums stay far inside 2^53. There are no numeric columns.
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const toNumber = (value: string) => Number(value);

export function defaultPgliteDir(): string {
  return process.env.PGLITE_DATA_DIR ?? path.join(process.cwd(), ".data", "pglite");
}

export type PostgresOptions = {
  /** Connections in the pool (default 10); tests pass a larger one for concurrency. */
  max?: number;
  /** Longest a statement may run before PostgreSQL cancels it (0 = no limit, the default). */
  statementTimeoutMs?: number;
  /** `application_name` of the connections (pg_stat_activity, the server's log): primary or replica. */
  applicationName?: string;
};

/**
 * Opens PostgreSQL through postgres.js. Every parameterised statement is a named prepared statement on
 * its connection (planned once, then executed): Drizzle would otherwise send each one unnamed, to be
 * parsed and planned again on every request.
 */
export async function openPostgres(url: string, opts: PostgresOptions = {}): Promise<DatabaseHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const connection: Record<string, string> = { TimeZone: "UTC" };
  if (opts.statementTimeoutMs) connection.statement_timeout = String(opts.statementTimeoutMs);
  if (opts.applicationName) connection.application_name = opts.applicationName;
  const client = postgres(url, { max: opts.max ?? 10, onnotice: () => {}, connection });
  client.options.parsers[INT8_OID] = toNumber;
  client.options.parsers[NUMERIC_OID] = toNumber;
  const db = drizzle(alwaysPrepared(client), { schema, logger: statementTap }) as unknown as Db;
  return { db, kind: "postgres", url, close: () => client.end({ timeout: 5 }) };
}

type PostgresClient = import("postgres").Sql;

/**
 * The postgres.js client with `prepare: true` on every parameterised query Drizzle sends through
 * `unsafe()`, including inside transactions and savepoints (their clients are wrapped the same way).
 * postgres.js keys prepared statements by text and parameter types per connection, and re-prepares
 * when a migration invalidates a cached plan.
 */
function alwaysPrepared<C extends PostgresClient>(client: C): C {
  return new Proxy(client, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key === "unsafe") {
        return (query: string, args?: unknown[], options: Record<string, unknown> = {}) =>
          target.unsafe(query, args as never, args?.length ? { ...options, prepare: true } : options);
      }
      if (key === "begin" || key === "savepoint") {
        return (...params: unknown[]) => {
          const fn = params.pop() as (inner: PostgresClient) => unknown;
          return (value as (...p: unknown[]) => unknown).apply(target, [
            ...params,
            (inner: PostgresClient) => fn(alwaysPrepared(inner)),
          ]);
        };
      }
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Opens PGlite: `memory://`, a folder, or a dump produced by `dumpDataDir` (fast test start). */
export async function openPglite(
  opts: { dataDir?: string; loadDataDir?: Blob } = {},
): Promise<DatabaseHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  // pg_trgm backs the people search's indexes (migration 0009); PGlite loads contrib extensions on request.
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const dataDir = opts.dataDir ?? defaultPgliteDir();
  const releaseLock = dataDir.startsWith("memory://") ? () => {} : lockPgliteDir(dataDir);
  const client = new PGlite({
    dataDir,
    loadDataDir: opts.loadDataDir,
    extensions: { pg_trgm },
    parsers: { [INT8_OID]: toNumber, [NUMERIC_OID]: toNumber },
  });
  await client.waitReady;
  await client.exec("SET TIME ZONE 'UTC'");
  const db = drizzle(client, { schema, logger: statementTap }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

/**
 * PGlite does not lock its folder: a second process (a CLI while `next dev` runs) would open it too and
 * the two would silently diverge. A pid file refuses that with a clear message instead.
 */
function lockPgliteDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = `${dataDir.replace(/\/+$/, "")}.pid`;
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, "utf8"));
    if (pid && pid !== process.pid && processAlive(pid)) {
      throw new Error(
        `The embedded database in ${dataDir} is open in another process (pid ${pid}). ` +
          "Stop that process (e.g. the dev server) first, or point DATABASE_URL at a PostgreSQL server.",
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
  const release = () => {
    try {
      if (Number(readFileSync(lockFile, "utf8")) === process.pid) rmSync(lockFile);
    } catch {
      // already gone
    }
  };
  process.once("exit", release);
  return release;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Applies committed migrations, then installs or upgrades the job queue's own schema (pg-boss, see
 * job-queue.ts). Idempotent (drizzle records what ran); on a server an advisory lock keeps two starting
 * processes from migrating at once.
 */
export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migrate(handle.db as any, { migrationsFolder });
    await (await import("./job-queue")).installJobQueue(handle);
    return;
  }
  // One dedicated connection: a session advisory lock belongs to the connection that took it.
  const single = await openPostgres(handle.url!, { max: 1 });
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  try {
    await single.db.execute(sql`SELECT pg_advisory_lock(727274)`);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migrate(single.db as any, { migrationsFolder });
    await (await import("./job-queue")).installJobQueue(single);
    await single.db.execute(sql`SELECT pg_advisory_unlock(727274)`);
  } finally {
    await single.close();
  }
}

/** The database this process uses: PostgreSQL when DATABASE_URL is set, else PGlite under .data/. */
export async function openConfiguredDatabase(
  opts: { statementTimeoutMs?: number } = {},
): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) return openPglite();
  return openPostgres(url, { ...configuredPoolOptions(opts), applicationName: "musenest" });
}

/**
 * The read replica (DATABASE_REPLICA_URL), opened with the primary's settings, or null when there is none:
 * without it, or on the embedded PGlite (a replica of which cannot exist), reads go to the primary.
 * Never migrated from here: a streaming replica receives the primary's schema through replication.
 */
export async function openConfiguredReplica(
  opts: { statementTimeoutMs?: number } = {},
): Promise<DatabaseHandle | null> {
  const url = process.env.DATABASE_REPLICA_URL;
  if (!url || !process.env.DATABASE_URL) return null;
  return openPostgres(url, { ...configuredPoolOptions(opts), applicationName: "musenest-replica" });
}

function configuredPoolOptions(opts: { statementTimeoutMs?: number }): PostgresOptions {
  return {
    max: positiveIntFromEnv("DATABASE_POOL_MAX", 10),
    statementTimeoutMs:
      opts.statementTimeoutMs ?? positiveIntFromEnv("DATABASE_STATEMENT_TIMEOUT_MS", 15_000),
  };
}

function positiveIntFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number (got "${raw}")`);
  }
  return value;
}
