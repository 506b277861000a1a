// The job queue's tables live in the same database as the app's, in pg-boss's own schema ("pgboss"),
// reached through the app's own client on both drivers: pg-boss would otherwise open a second pool (pg)
// and, on the embedded database, could not reach PGlite at all. pg-boss creates and upgrades that schema
// itself; `installJobQueue` runs after the drizzle migrations, so every migrated database has it.
import { createHash } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import { Param, sql, type SQL } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { DatabaseHandle } from "./open";
import type { DbOrTx } from "./types";

export const JOB_SCHEMA = "pgboss";

/** What pg-boss calls its database: one method, positional parameters ($1…), `{ rows }` back. */
export type JobDb = PgBoss.Db;

type Rows = { rows: Record<string, unknown>[] };
type PostgresClient = import("postgres").Sql;

/**
 * Values as pg (pg-boss's own driver) would send them: plain objects (job data, queue options) as JSON
 * text, which both drivers accept for json/jsonb parameters; dates, arrays and scalars as they are.
 */
function driverValues(values: unknown[] = []): unknown[] {
  return values.map((value) =>
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array)
      ? JSON.stringify(value)
      : (value ?? null),
  );
}

/** pg-boss on the process's own connection(s): PGlite's single connection or the postgres.js pool. */
export function jobDbForHandle(handle: DatabaseHandle): JobDb {
  const client = (handle.db as unknown as { $client: PGlite | PostgresClient }).$client;
  if (handle.kind === "pglite") {
    const pglite = client as PGlite;
    return {
      async executeSql(text: string, values?: unknown[]): Promise<Rows> {
        // Without parameters pg-boss sends whole scripts (schema creation, locked maintenance); PGlite's
        // query() takes one statement, exec() a script (each call holds PGlite's lock while it runs).
        if (!values?.length) {
          const results = await pglite.exec(text);
          return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
        }
        const result = await pglite.query<Record<string, unknown>>(text, driverValues(values));
        return { rows: result.rows };
      },
    };
  }
  const postgres = client as PostgresClient;
  return {
    async executeSql(text: string, values?: unknown[]): Promise<Rows> {
      if (values?.length)
        return { rows: [...(await postgres.unsafe(text, driverValues(values) as never[]))] };
      // A script (schema creation, maintenance under an advisory lock) may hold its own BEGIN … COMMIT:
      // postgres.js allows that only on a reserved connection, which must not go back to the pool inside
      // a failed transaction.
      const reserved = await postgres.reserve();
      try {
        const result = await reserved.unsafe(text);
        // A script answers one result per statement; pg-boss reads no script's rows but the last.
        const last = Array.isArray(result[0])
          ? (result.at(-1) as unknown as Record<string, unknown>[])
          : result;
        return { rows: [...last] as Record<string, unknown>[] };
      } catch (error) {
        await reserved.unsafe("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        reserved.release();
      }
    },
  };
}

/**
 * pg-boss on an open drizzle transaction, so a job can be enqueued in the same transaction as the rows it
 * works on (it exists exactly when they do). Only single statements with parameters go through here.
 */
export function jobDbForTx(tx: DbOrTx): JobDb {
  return {
    async executeSql(text: string, values: unknown[] = []): Promise<Rows> {
      const result = await tx.execute(positionalSql(text, driverValues(values)));
      const rows = Array.isArray(result) ? result : ((result as unknown as Rows).rows ?? []);
      return { rows: [...rows] as Record<string, unknown>[] };
    },
  };
}

/** `$1 … $n` placeholders as drizzle parameters, each value passed to the driver as is (JSON, arrays, dates). */
function positionalSql(text: string, values: unknown[]): SQL {
  if (text.includes("$$")) throw new Error("jobDbForTx: dollar-quoted scripts are not supported");
  const chunks: SQL[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(text.slice(last, match.index)));
    chunks.push(sql`${new Param(values[Number(match[1]) - 1] ?? null)}`);
    last = match.index + match[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
}

/** A queue and how its jobs are retried. Scheduled queues are `singleton`: one active run at a time. */
export type QueueDefinition = { name: string } & Omit<PgBoss.Queue, "name">;

export const INVITE_EMAIL_QUEUE = "invites:send-email";
/** Password reset links, address confirmations and "your address changed" notices (lib/accounts). */
export const ACCOUNT_EMAIL_QUEUE = "accounts:send-email";
/** One notification e-mail from the outbox (lib/notifications/send-notification.ts). */
export const NOTIFICATION_SEND_QUEUE = "notifications:send";

/**
 * Every queue the app uses. The scheduled ones are the registered jobs (lib/jobs/registry.ts); the invite
 * e-mails retry with jittered back-off (30–60 s, then 1–2, 2–4, 4–8, 8–16 min) before the job stays failed for an admin to retry.
 */
export const QUEUE_DEFINITIONS: QueueDefinition[] = [
  { name: INVITE_EMAIL_QUEUE, policy: "standard", retryLimit: 5, retryDelay: 30, retryBackoff: true },
  { name: ACCOUNT_EMAIL_QUEUE, policy: "standard", retryLimit: 5, retryDelay: 30, retryBackoff: true },
  { name: "commissions:approve-due", policy: "singleton", retryLimit: 0 },
  { name: "rewards:expire-points", policy: "singleton", retryLimit: 0 },
  { name: "rewards:release-paid-referrals", policy: "singleton", retryLimit: 0 },
  { name: "invites:sweep-queued", policy: "singleton", retryLimit: 0 },
  { name: "leaderboard:move-window", policy: "singleton", retryLimit: 0 },
  // Webhooks (lib/webhooks): the fan-out of recorded events, and one job per delivery attempt, which
  // schedules its own retries (5 s … 24 h) so the queue itself retries only an attempt that crashed.
  { name: "webhooks:fan-out", policy: "singleton", retryLimit: 0 },
  { name: "webhooks:deliver", policy: "standard", retryLimit: 2, retryDelay: 30, retryBackoff: true },
  // Notifications (lib/notifications): the events consumer, the sweeper of waiting sends, the failing-jobs
  // check and the monthly summary are scheduled; each send retries like the invite e-mails.
  { name: NOTIFICATION_SEND_QUEUE, policy: "standard", retryLimit: 5, retryDelay: 30, retryBackoff: true },
  { name: "notifications:consume-events", policy: "singleton", retryLimit: 0 },
  { name: "notifications:sweep", policy: "singleton", retryLimit: 0 },
  { name: "notifications:check-failing-jobs", policy: "singleton", retryLimit: 0 },
  { name: "notifications:monthly-summary", policy: "singleton", retryLimit: 0 },
];

/**
 * Failed jobs stay in the job table (where the admin page lists and retries them) for a week before
 * pg-boss archives them; completed ones for a day.
 */
export const JOB_RETENTION = {
  archiveCompletedAfterSeconds: 24 * 60 * 60,
  archiveFailedAfterSeconds: 7 * 24 * 60 * 60,
  deleteAfterDays: 14,
} as const;

/** A pg-boss client that only builds statements: every call passes its own `{ db }` (a handle or a tx). */
export function jobStatements(): PgBoss {
  const unused: JobDb = {
    executeSql: () => Promise.reject(new Error("jobStatements(): pass { db } to every call")),
  };
  return new PgBoss({ db: unused, schema: JOB_SCHEMA, ...JOB_RETENTION });
}

/** Creates or upgrades pg-boss's schema and the app's queues (idempotent; concurrent starts are safe). */
export async function installJobQueue(handle: DatabaseHandle): Promise<void> {
  const boss = new PgBoss({
    db: jobDbForHandle(handle),
    schema: JOB_SCHEMA,
    migrate: true,
    supervise: false,
    schedule: false,
    ...JOB_RETENTION,
  });
  await boss.start();
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  for (const { name, ...options } of QUEUE_DEFINITIONS) {
    if (!existing.has(name)) await boss.createQueue(name, { name, ...options });
  }
  await boss.stop({ graceful: false, close: false });
}

/**
 * Per-job options of the invite e-mails from the environment: INVITE_EMAIL_EXPIRE_SECONDS (how long a
 * running send may take before pg-boss's maintenance counts it as failed and retries it — what recovers
 * the job of an instance that died mid-send; pg-boss's default is 15 minutes) and
 * INVITE_EMAIL_RETRY_DELAY_SECONDS (the back-off's base, default the queue's 30 s).
 */
export function inviteEmailJobOptions(env: Record<string, string | undefined> = process.env): {
  expireInSeconds?: number;
  retryDelay?: number;
} {
  const seconds = (name: string) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return undefined;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be whole seconds ≥ 1`);
    return value;
  };
  const options: { expireInSeconds?: number; retryDelay?: number } = {};
  const expire = seconds("INVITE_EMAIL_EXPIRE_SECONDS");
  const delay = seconds("INVITE_EMAIL_RETRY_DELAY_SECONDS");
  if (expire) options.expireInSeconds = expire;
  if (delay) options.retryDelay = delay;
  return options;
}

/** A stable job id per invite, so enqueuing the same invite twice (request, then sweeper) makes one job. */
export function inviteJobId(inviteId: number): string {
  const hex = createHash("sha256").update(`musenest:invite-email:${inviteId}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
