import "server-only";
import { sql } from "drizzle-orm";
import { JOB_SCHEMA, QUEUE_DEFINITIONS } from "@/db/job-queue";
import type { DbOrTx } from "@/db/types";
import { rowsAs, col } from "@/db/rows";
import { z } from "zod";

/** The states a job waits or fails in; completed ones are history, not depth. */
export const DEPTH_STATES = ["created", "retry", "active", "failed"] as const;
export type QueueDepth = { queue: string; state: (typeof DEPTH_STATES)[number]; jobs: number };

/**
 * Jobs per queue and state in the shared queue (all instances), for the metrics scrape and the admin page.
 * pg-boss keeps finished jobs a day and failed ones a week (JOB_RETENTION), so this counts a bounded table.
 */
export async function readQueueDepth(db: DbOrTx): Promise<QueueDepth[]> {
  const result = await db.execute(sql`
    SELECT name, state::text AS state, count(*)::int AS jobs
      FROM ${sql.identifier(JOB_SCHEMA)}.job
     WHERE state IN ('created', 'retry', 'active', 'failed')
     GROUP BY name, state`);
  const rows = rowsAs(result, z.object({ name: z.string(), state: z.enum(DEPTH_STATES), jobs: col.int }));
  const counts = new Map(rows.map((r) => [`${r.name}\u0000${r.state}`, r.jobs]));
  return QUEUE_DEFINITIONS.flatMap(({ name }) =>
    DEPTH_STATES.map((state) => ({ queue: name, state, jobs: counts.get(`${name}\u0000${state}`) ?? 0 })),
  );
}
