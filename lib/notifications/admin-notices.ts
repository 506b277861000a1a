import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { JOB_SCHEMA } from "@/db/job-queue";
import { col, rowsAs } from "@/db/rows";
import { timestampParam } from "@/db/sql-values";
import type { Db, DbOrTx } from "@/db/types";
import { activeAdminIds, ADMIN_ACTION_PATHS } from "./event-notifications";
import type { NotificationMessage } from "./messages";
import { queueNotifications, type QueueContext, type QueueResult } from "./queue-notifications";

// Admin messages that come from operations rather than from a domain event: queued directly, in the
// transaction of what they report.

type AdminMessage = Extract<NotificationMessage, { kind: "webhook_endpoint_disabled" | "job_failing" }>;

async function notifyAdmins(tx: DbOrTx, message: AdminMessage, key: string, ctx: QueueContext) {
  const admins = await activeAdminIds(tx);
  return queueNotifications(
    tx,
    admins.map((userId) => ({
      userId,
      key: `${key}:${userId}`,
      message,
      actionPath: ADMIN_ACTION_PATHS[message.kind],
    })),
    ctx,
  );
}

/** The endpoint's address without its query (which may carry a token of the receiver's). */
function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url;
  }
}

/** Tells every admin an endpoint was disabled (on `tx`, the transaction that disabled it). */
export function notifyWebhookEndpointDisabled(
  tx: DbOrTx,
  endpoint: { id: number; url: string; reason: string; disabledAt: Date },
  ctx: QueueContext,
): Promise<QueueResult> {
  return notifyAdmins(
    tx,
    {
      kind: "webhook_endpoint_disabled",
      endpointId: endpoint.id,
      url: displayUrl(endpoint.url),
      reason: endpoint.reason,
    },
    `webhook_endpoint_disabled:${endpoint.id}:${endpoint.disabledAt.toISOString()}`,
    ctx,
  );
}

/** Failed runs of one queue within a day that make it "keep failing". */
export const FAILING_JOB_THRESHOLD = 3;
const DAY_MS = 24 * 60 * 60_000;

/**
 * The periodic check of pg-boss's failed jobs: a queue with FAILING_JOB_THRESHOLD or more failed runs in
 * the last 24 hours is reported to every admin, once per queue per UTC day (the idempotency key), however
 * often the check runs.
 */
export async function checkFailingJobs(db: Db, ctx: QueueContext): Promise<{ queues: string[] }> {
  const failing = rowsAs(
    await db.execute(sql`
      SELECT name AS queue, count(*)::int AS failures,
             (array_agg(coalesce(output->>'message', output->'value'->>'message') ORDER BY completed_on DESC))[1] AS "lastError"
        FROM ${sql.identifier(JOB_SCHEMA)}.job
       WHERE state = 'failed' AND completed_on > ${timestampParam(new Date(ctx.now.getTime() - DAY_MS))}
       GROUP BY name
      HAVING count(*) >= ${FAILING_JOB_THRESHOLD}
       ORDER BY name`),
    z.object({ queue: col.text, failures: col.int, lastError: col.nullableText }),
  );
  const day = ctx.now.toISOString().slice(0, 10);
  await db.transaction(async (tx) => {
    for (const { queue, failures, lastError } of failing)
      await notifyAdmins(
        tx,
        { kind: "job_failing", queue, failures, lastError: lastError ? lastError.slice(0, 300) : null },
        `job_failing:${queue}:${day}`,
        ctx,
      );
  });
  return { queues: failing.map((f) => f.queue) };
}
