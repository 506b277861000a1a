import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { JOB_SCHEMA } from "@/db/job-queue";
import { col, rowsAs } from "@/db/rows";
import { timestampParam } from "@/db/sql-values";
import type { Db, DbOrTx } from "@/db/types";
import { activeAdminIds, ADMIN_ACTION_PATHS } from "./event-notifications";
import type { NotificationMessage } from "./messages";
import {
  queueNotifications,
  type NotificationDraft,
  type QueueContext,
  type QueueResult,
} from "./queue-notifications";
import { renderDrafts } from "./render-drafts";

// Admin messages that come from operations rather than from a domain event: queued directly, in the
// transaction of what they report.

type AdminMessage = Extract<NotificationMessage, { kind: "webhook_endpoint_disabled" | "job_failing" }>;

/** One message per active admin. */
async function adminDrafts(db: DbOrTx, message: AdminMessage, key: string): Promise<NotificationDraft[]> {
  return (await activeAdminIds(db)).map((userId) => ({
    userId,
    key: `${key}:${userId}`,
    message,
    actionPath: ADMIN_ACTION_PATHS[message.kind],
  }));
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

/**
 * Tells every admin an endpoint was disabled, on `tx`, the transaction that disabled it. The one place a
 * message is rendered inside a transaction: the decision is made there (and must commit with its notice),
 * it happens once per endpoint, and the messages are one per admin.
 */
export async function notifyWebhookEndpointDisabled(
  tx: DbOrTx,
  endpoint: { id: number; url: string; reason: string; disabledAt: Date },
  ctx: QueueContext,
): Promise<QueueResult> {
  const drafts = await adminDrafts(
    tx,
    {
      kind: "webhook_endpoint_disabled",
      endpointId: endpoint.id,
      url: displayUrl(endpoint.url),
      reason: endpoint.reason,
    },
    `webhook_endpoint_disabled:${endpoint.id}:${endpoint.disabledAt.toISOString()}`,
  );
  return queueNotifications(tx, await renderDrafts(tx, drafts, ctx), ctx);
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
  const drafts: NotificationDraft[] = [];
  for (const { queue, failures, lastError } of failing)
    drafts.push(
      ...(await adminDrafts(
        db,
        { kind: "job_failing", queue, failures, lastError: lastError ? lastError.slice(0, 300) : null },
        `job_failing:${queue}:${day}`,
      )),
    );
  // Rendered before the transaction; the idempotency key still makes the hourly check queue each once.
  const rendered = await renderDrafts(db, drafts, ctx);
  await db.transaction((tx) => queueNotifications(tx, rendered, ctx));
  return { queues: failing.map((f) => f.queue) };
}
