import { and, eq, isNull, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { domainEvents, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import type { Db } from "@/db/types";
import { writeAudit } from "@/lib/audit";
import { notifyWebhookEndpointDisabled } from "@/lib/notifications/admin-notices";
import { pipelineContext } from "@/lib/notifications/pipeline-context";
import { enqueueDeliveries } from "./delivery-queue";
import { postWebhook, type PostResult } from "./post-webhook";
import { resolveSafeTarget } from "./safe-target";

/** Waits after the 1st, 2nd, … failed attempt: about a day and a half of retries, then the delivery fails. */
export const RETRY_DELAYS_SECONDS = [5, 60, 10 * 60, 60 * 60, 6 * 3600, 12 * 3600, 24 * 3600] as const;
/** An endpoint failing (no success) for this long is disabled, with a note to admins. */
export const DISABLE_AFTER_MS = 3 * 24 * 3600 * 1000;
const EXCERPT_CHARS = 2_000;

export type AttemptOutcome =
  | { outcome: "skipped"; reason: string }
  | { outcome: "succeeded"; statusCode: number }
  | { outcome: "retrying"; nextAttemptAt: Date; error: string }
  | { outcome: "failed"; error: string };

/** The Standard Webhooks body: `{ id, type, created_at, data }`; the id is also the `webhook-id` header. */
export function webhookBody(event: typeof domainEvents.$inferSelect): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    created_at: event.createdAt.toISOString(),
    data: event.payload,
  });
}

/** The three Standard Webhooks headers, signed with the endpoint's `whsec_…` secret. */
export function signedHeaders(
  secret: string,
  eventId: string,
  body: string,
  at: Date,
): Record<string, string> {
  return {
    "webhook-id": eventId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(eventId, at, body),
  };
}

/**
 * One delivery attempt (the delivery job's body): checks the target again (DNS rebinding), POSTs the
 * signed event, and records the attempt. A failure schedules the next attempt after the back-off (a job
 * enqueued in the same transaction as the row's new state) until the schedule runs out; an endpoint with
 * no success for 3 days is disabled and the admins are told (audit row, banner on /admin/webhooks).
 * `now` is the clock for the back-off and the 3 days (tests move it); the signature carries the real time.
 */
export async function attemptDelivery(
  db: Db,
  deliveryId: number,
  opts: { now?: Date; post?: typeof postWebhook } = {},
): Promise<AttemptOutcome> {
  const now = opts.now ?? new Date();
  const [found] = await db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints, event: domainEvents })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .innerJoin(domainEvents, eq(domainEvents.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!found) return { outcome: "skipped", reason: "no such delivery" };
  const { delivery, endpoint, event } = found;
  if (delivery.status !== "pending") return { outcome: "skipped", reason: `already ${delivery.status}` };
  if (endpoint.disabledAt) {
    await db
      .update(webhookDeliveries)
      .set({ status: "failed", nextAttemptAt: null, lastError: "The endpoint is disabled" })
      .where(eq(webhookDeliveries.id, deliveryId));
    return { outcome: "failed", error: "The endpoint is disabled" };
  }

  const body = webhookBody(event);
  let result: PostResult;
  try {
    const target = await resolveSafeTarget(endpoint.url);
    result = await (opts.post ?? postWebhook)(
      target,
      signedHeaders(endpoint.secret, event.id, body, new Date()),
      body,
    );
  } catch (error) {
    result = {
      ok: false,
      statusCode: null,
      error: error instanceof Error ? error.message : "Refused",
      latencyMs: 0,
    };
  }

  const attempts = delivery.attempts + 1;
  const error = result.ok ? null : "error" in result ? result.error : `HTTP ${result.statusCode}`;
  const delaySeconds = RETRY_DELAYS_SECONDS[attempts - 1];
  const nextAttemptAt =
    result.ok || delaySeconds === undefined ? null : new Date(now.getTime() + delaySeconds * 1000);
  const status = result.ok ? "succeeded" : nextAttemptAt ? "pending" : "failed";

  return db.transaction(async (tx) => {
    await tx
      .update(webhookDeliveries)
      .set({
        status,
        attempts,
        nextAttemptAt,
        lastAttemptAt: now,
        lastStatusCode: result.statusCode,
        lastLatencyMs: result.latencyMs,
        lastResponse: "body" in result ? result.body.slice(0, EXCERPT_CHARS) : null,
        lastError: error,
      })
      .where(eq(webhookDeliveries.id, deliveryId));
    if (result.ok) {
      await tx
        .update(webhookEndpoints)
        .set({ failingSince: null })
        .where(eq(webhookEndpoints.id, endpoint.id));
      return { outcome: "succeeded" as const, statusCode: result.statusCode };
    }
    await noteEndpointFailure(tx, endpoint.id, now);
    if (!nextAttemptAt) return { outcome: "failed" as const, error: error! };
    await enqueueDeliveries(tx, [deliveryId], nextAttemptAt);
    return { outcome: "retrying" as const, nextAttemptAt, error: error! };
  });
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Starts the endpoint's failing streak, or disables it when the streak has lasted 3 days. */
async function noteEndpointFailure(tx: Tx, endpointId: number, now: Date): Promise<void> {
  const [endpoint] = await tx
    .update(webhookEndpoints)
    .set({ failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${now.toISOString()}::timestamptz)` })
    .where(eq(webhookEndpoints.id, endpointId))
    .returning();
  if (!endpoint?.failingSince || endpoint.disabledAt) return;
  if (now.getTime() - endpoint.failingSince.getTime() < DISABLE_AFTER_MS) return;
  const reason = `Disabled automatically on ${now.toISOString().slice(0, 10)}: every delivery failed for 3 days`;
  const [disabled] = await tx
    .update(webhookEndpoints)
    .set({ disabledAt: now, disabledReason: reason, updatedAt: now })
    .where(and(eq(webhookEndpoints.id, endpointId), isNull(webhookEndpoints.disabledAt)))
    .returning({ id: webhookEndpoints.id });
  if (!disabled) return;
  await writeAudit(
    tx,
    { actorUserId: null },
    {
      action: "webhook_endpoint.auto_disabled",
      entityType: "webhook_endpoint",
      entityId: endpointId,
      details: { url: endpoint.url, failingSince: endpoint.failingSince.toISOString() },
    },
  );
  await notifyWebhookEndpointDisabled(
    tx,
    { id: endpointId, url: endpoint.url, reason, disabledAt: now },
    pipelineContext(now),
  );
}
