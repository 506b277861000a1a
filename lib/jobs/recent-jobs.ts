import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { JOB_SCHEMA } from "@/db/job-queue";
import { col, rowsAs } from "@/db/rows";
import type { DbOrTx } from "@/db/types";
import { JOB_STATES } from "@/lib/validation/jobs";

export const RECENT_JOBS_LIMIT = 50;

const jobRow = z.object({
  id: z.string(),
  queue: z.string(),
  state: z.enum(JOB_STATES),
  retryCount: col.int,
  retryLimit: col.int,
  createdOn: z.coerce.date(),
  startedOn: z.coerce.date().nullable(),
  completedOn: z.coerce.date().nullable(),
  output: z.unknown().nullable(),
  data: z.unknown().nullable(),
});

export type RecentJob = Omit<z.infer<typeof jobRow>, "output" | "data"> & {
  /** What a failed run threw (its message only), or null. */
  error: string | null;
  /** The job's input, as short text (e.g. `inviteId: 42`). */
  summary: string;
};

/** The error message pg-boss stored for a failed run (it keeps the serialized error as the output). */
function errorOf(state: string, output: unknown): string | null {
  if (state !== "failed" && state !== "retry") return null;
  // A thrown error is stored as itself; pg-boss's own failures (timeouts) as { value: { message } }.
  const stored = output as { message?: unknown; value?: { message?: unknown } } | null;
  const message = stored?.message ?? stored?.value?.message;
  if (typeof message === "string" && message)
    return message.length > 300 ? `${message.slice(0, 297)}…` : message;
  return state === "failed" ? "Failed without a message (stopped or timed out)" : null;
}

function summaryOf(data: unknown): string {
  if (!data || typeof data !== "object") return "—";
  const parts = Object.entries(data as Record<string, unknown>)
    .filter(([, v]) => v === null || ["string", "number", "boolean"].includes(typeof v))
    .map(([k, v]) => `${k}: ${String(v)}`);
  return parts.length ? parts.join(", ") : "—";
}

/**
 * The newest jobs of the app's queues (pg-boss's internal ones left out), optionally of one state, for the
 * admin page. Reads the live job table: finished jobs stay a day, failed ones a week (JOB_RETENTION).
 */
export async function listRecentJobs(
  db: DbOrTx,
  filter: { state?: (typeof JOB_STATES)[number] } = {},
): Promise<RecentJob[]> {
  const result = await db.execute(sql`
    SELECT id::text AS id, name AS queue, state::text AS state, retry_count AS "retryCount",
           retry_limit AS "retryLimit", created_on AS "createdOn", started_on AS "startedOn",
           completed_on AS "completedOn", output, data
      FROM ${sql.identifier(JOB_SCHEMA)}.job
     WHERE name NOT LIKE '\\_\\_pgboss\\_\\_%'
       ${filter.state ? sql`AND state = ${filter.state}::${sql.identifier(JOB_SCHEMA)}.job_state` : sql``}
     ORDER BY created_on DESC, id
     LIMIT ${RECENT_JOBS_LIMIT}`);
  return rowsAs(result, jobRow).map(({ output, data, ...job }) => ({
    ...job,
    error: errorOf(job.state, output),
    summary: summaryOf(data),
  }));
}

/** The cron expression of each scheduled queue, as the instances registered it (pg-boss's schedule table). */
export async function readSchedules(db: DbOrTx): Promise<Map<string, string>> {
  const result = await db.execute(
    sql`SELECT name, cron FROM ${sql.identifier(JOB_SCHEMA)}.schedule ORDER BY name`,
  );
  return new Map(
    rowsAs(result, z.object({ name: z.string(), cron: z.string() })).map((r) => [r.name, r.cron]),
  );
}
