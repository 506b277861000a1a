import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./timestamps";
import { users } from "./users";

// The outbox of business events (0029): written in the change's own transaction by recordEvent().
export const domainEvents = pgTable(
  "domain_events",
  {
    id: text("id").primaryKey(),
    seq: bigint("seq", { mode: "number" }).notNull().generatedByDefaultAsIdentity(),
    type: text("type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    webhooksFannedOutAt: timestamp("webhooks_fanned_out_at", { withTimezone: true }),
    /** The notifications consumer's progress (0034, lib/notifications/consume-events.ts). */
    notifiedAt: timestamp("notified_at", { withTimezone: true }),
  },
  (t) => [
    index("domain_events_webhooks_pending_idx")
      .on(t.seq)
      .where(sql`"webhooks_fanned_out_at" IS NULL`),
    index("domain_events_type_idx").on(t.type, t.seq),
    index("domain_events_notifications_pending_idx")
      .on(t.seq)
      .where(sql`"notified_at" IS NULL`),
  ],
);

export const webhookEndpoints = pgTable("webhook_endpoints", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  url: text("url").notNull(),
  description: text("description").notNull().default(""),
  events: text("events").array().notNull(),
  secret: text("secret").notNull(),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  disabledReason: text("disabled_reason"),
  failingSince: timestamp("failing_since", { withTimezone: true }),
  createdByUserId: integer("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const webhookDeliveryStatus = ["pending", "succeeded", "failed"] as const;

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    eventId: text("event_id")
      .notNull()
      .references(() => domainEvents.id, { onDelete: "cascade" }),
    endpointId: integer("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    status: text("status", { enum: webhookDeliveryStatus }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    lastStatusCode: integer("last_status_code"),
    lastLatencyMs: integer("last_latency_ms"),
    lastResponse: text("last_response"),
    lastError: text("last_error"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_event_endpoint_key").on(t.eventId, t.endpointId),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.id),
    check("webhook_deliveries_status_check", sql`${t.status} IN ('pending', 'succeeded', 'failed')`),
  ],
);
