import { randomBytes } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { domainEvents, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { DomainError, notFound } from "@/lib/errors";
import { newEventId } from "@/lib/events/record-event";
import { TEST_EVENT_TYPE } from "@/lib/events/event-types";
import type {
  CreateWebhookEndpointBody,
  UpdateWebhookEndpointBody,
} from "@/lib/validation/webhook-endpoints";
import { attemptDelivery, type AttemptOutcome } from "./deliver";
import { enqueueDeliveries } from "./delivery-queue";
import { resolveSafeTarget } from "./safe-target";

type EndpointRow = typeof webhookEndpoints.$inferSelect;

/** A `whsec_` secret: 24 random bytes in base64, as Standard Webhooks libraries read it. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

/** An endpoint as the API and the page show it: never the secret (shown once, at creation and rotation). */
export function endpointJson(row: EndpointRow) {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    enabled: row.disabledAt === null,
    disabled_at: row.disabledAt,
    disabled_reason: row.disabledReason,
    failing_since: row.failingSince,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}
export type EndpointJson = ReturnType<typeof endpointJson>;

async function endpointOrThrow(db: DbOrTx, id: number): Promise<EndpointRow> {
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  if (!row) throw notFound("Webhook endpoint");
  return row;
}

export async function listEndpoints(db: DbOrTx): Promise<EndpointJson[]> {
  const rows = await db.select().from(webhookEndpoints).orderBy(webhookEndpoints.id);
  return rows.map(endpointJson);
}

/** Creates an endpoint after checking its URL resolves to a public address; the secret is returned once. */
export async function createEndpoint(
  db: Db,
  body: CreateWebhookEndpointBody,
  actor: AuditActor,
): Promise<EndpointJson & { secret: string }> {
  await resolveSafeTarget(body.url);
  const secret = newWebhookSecret();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        url: body.url,
        events: body.events,
        description: body.description,
        secret,
        createdByUserId: actor.actorUserId,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: "webhook_endpoint.create",
      entityType: "webhook_endpoint",
      entityId: row.id,
      details: { url: row.url, events: row.events },
    });
    return { ...endpointJson(row), secret };
  });
}

export async function updateEndpoint(
  db: Db,
  id: number,
  body: UpdateWebhookEndpointBody,
  actor: AuditActor,
  now: Date = new Date(),
): Promise<EndpointJson> {
  if (body.url !== undefined) await resolveSafeTarget(body.url);
  return db.transaction(async (tx) => {
    const before = await endpointOrThrow(tx, id);
    const enabling = body.enabled === true && before.disabledAt !== null;
    const [row] = await tx
      .update(webhookEndpoints)
      .set({
        ...(body.url !== undefined && { url: body.url }),
        ...(body.events !== undefined && { events: body.events }),
        ...(body.description !== undefined && { description: body.description }),
        ...(body.enabled === false &&
          before.disabledAt === null && { disabledAt: now, disabledReason: null }),
        // Re-enabled: a fresh start for the 3-day failure streak.
        ...(enabling && { disabledAt: null, disabledReason: null, failingSince: null }),
        updatedAt: now,
      })
      .where(eq(webhookEndpoints.id, id))
      .returning();
    await writeAudit(tx, actor, {
      action: "webhook_endpoint.update",
      entityType: "webhook_endpoint",
      entityId: id,
      details: { changed: Object.keys(body), url: row.url, enabled: row.disabledAt === null },
    });
    return endpointJson(row);
  });
}

export async function deleteEndpoint(db: Db, id: number, actor: AuditActor): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).returning();
    if (!row) throw notFound("Webhook endpoint");
    await writeAudit(tx, actor, {
      action: "webhook_endpoint.delete",
      entityType: "webhook_endpoint",
      entityId: id,
      details: { url: row.url },
    });
  });
}

/** A new secret, effective for every attempt from now on; returned once. */
export async function rotateEndpointSecret(
  db: Db,
  id: number,
  actor: AuditActor,
  now: Date = new Date(),
): Promise<{ id: number; secret: string }> {
  const secret = newWebhookSecret();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ secret, updatedAt: now })
      .where(eq(webhookEndpoints.id, id))
      .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url });
    if (!row) throw notFound("Webhook endpoint");
    await writeAudit(tx, actor, {
      action: "webhook_endpoint.rotate_secret",
      entityType: "webhook_endpoint",
      entityId: id,
      details: { url: row.url },
    });
    return { id, secret };
  });
}

/**
 * A `webhook.test` event for this one endpoint, sent right away so the admin sees the answer: recorded
 * already fanned out (no subscriber gets it) with its delivery, then attempted here; a failed attempt is
 * retried by the delivery job like any other. Shows up in the endpoint's deliveries.
 */
export async function sendTestEvent(
  db: Db,
  id: number,
  actor: AuditActor,
  now: Date = new Date(),
): Promise<{ event_id: string; delivery_id: number; outcome: AttemptOutcome }> {
  const created = await db.transaction(async (tx) => {
    const endpoint = await endpointOrThrow(tx, id);
    if (endpoint.disabledAt) {
      throw new DomainError("endpoint_disabled", "Enable the endpoint before sending it a test event", {
        status: 409,
      });
    }
    const eventId = newEventId();
    await tx.insert(domainEvents).values({
      id: eventId,
      type: TEST_EVENT_TYPE,
      payload: { message: "A test event from MuseNest Referrals", endpoint_id: endpoint.id },
      createdAt: now,
      webhooksFannedOutAt: now,
    });
    const [delivery] = await tx
      .insert(webhookDeliveries)
      .values({ eventId, endpointId: endpoint.id, nextAttemptAt: now })
      .returning({ id: webhookDeliveries.id });
    await writeAudit(tx, actor, {
      action: "webhook_endpoint.test",
      entityType: "webhook_endpoint",
      entityId: id,
      details: { url: endpoint.url, eventId },
    });
    return { event_id: eventId, delivery_id: delivery.id };
  });
  return { ...created, outcome: await attemptDelivery(db, created.delivery_id, { now }) };
}

export type DeliveryJson = {
  id: number;
  event_id: string;
  event_type: string;
  status: string;
  attempts: number;
  status_code: number | null;
  latency_ms: number | null;
  response_excerpt: string | null;
  error: string | null;
  last_attempt_at: Date | null;
  next_attempt_at: Date | null;
  created_at: Date;
};

/** An endpoint's latest deliveries (newest first), each with its latest attempt. */
export async function listDeliveries(db: DbOrTx, endpointId: number, limit = 50): Promise<DeliveryJson[]> {
  await endpointOrThrow(db, endpointId);
  const rows = await db
    .select({ d: webhookDeliveries, type: domainEvents.type })
    .from(webhookDeliveries)
    .innerJoin(domainEvents, eq(domainEvents.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
  return rows.map(({ d, type }) => ({
    id: d.id,
    event_id: d.eventId,
    event_type: type,
    status: d.status,
    attempts: d.attempts,
    status_code: d.lastStatusCode,
    latency_ms: d.lastLatencyMs,
    response_excerpt: d.lastResponse ? d.lastResponse.slice(0, 500) : null,
    error: d.lastError,
    last_attempt_at: d.lastAttemptAt,
    next_attempt_at: d.nextAttemptAt,
    created_at: d.createdAt,
  }));
}

/** An admin sends a delivery again now (after a fix on the receiver's side), whatever its state. */
export async function retryDelivery(
  db: Db,
  deliveryId: number,
  actor: AuditActor,
  now: Date = new Date(),
): Promise<{ id: number; status: "pending" }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookDeliveries)
      .set({ status: "pending", nextAttemptAt: now })
      .where(
        and(
          eq(webhookDeliveries.id, deliveryId),
          sql`EXISTS (SELECT 1 FROM webhook_endpoints w WHERE w.id = ${webhookDeliveries.endpointId} AND w.disabled_at IS NULL)`,
        ),
      )
      .returning({ id: webhookDeliveries.id, endpointId: webhookDeliveries.endpointId });
    if (!row) throw notFound("Delivery (or its endpoint is disabled)");
    await enqueueDeliveries(tx, [deliveryId]);
    await writeAudit(tx, actor, {
      action: "webhook_delivery.retry",
      entityType: "webhook_delivery",
      entityId: deliveryId,
      details: { endpointId: row.endpointId },
    });
    return { id: deliveryId, status: "pending" as const };
  });
}
