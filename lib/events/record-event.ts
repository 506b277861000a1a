import { randomBytes } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { domainEvents } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import type { EventType } from "./event-types";

/** A stable, unguessable event id: also the `webhook-id` every delivery of the event carries. */
export function newEventId(): string {
  return `evt_${randomBytes(12).toString("base64url")}`;
}

/** JSON as the API answers it: camelCase keys in snake_case, dates as ISO strings, bigints as numbers. */
export function apiJson(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(apiJson);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !/hash|secret|password/i.test(key))
        .map(([key, v]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), apiJson(v)]),
    );
  }
  return value;
}

export type DomainEventInput = { type: EventType; data: object };

/**
 * Records business events in the caller's transaction (the outbox): they commit or roll back with the
 * change they report, so a crash loses none and a rolled-back change sends nothing. One INSERT, however
 * many events; delivery (webhooks, later notifications) happens in jobs, never in the request.
 */
export async function recordEvents(tx: DbOrTx, events: readonly DomainEventInput[]): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = eventRows(events);
  await tx.insert(domainEvents).values(rows);
  return rows.map((r) => r.id);
}

/** The outbox rows of `events` (fresh ids, payloads as the API answers), for a statement that inserts them itself. */
export function eventRows(events: readonly DomainEventInput[]) {
  return events.map(({ type, data }) => ({
    id: newEventId(),
    type,
    payload: apiJson(data) as Record<string, unknown>,
  }));
}

/** One event: see recordEvents. */
export async function recordEvent(tx: DbOrTx, type: EventType, data: object): Promise<string> {
  const [id] = await recordEvents(tx, [{ type, data }]);
  return id;
}

/**
 * For set-based changes (approve every due commission, pay a batch): an INSERT of one event per row of
 * the statement's own CTE `source` (`UPDATE … RETURNING *`), to be used as the statement's last step so
 * the change and its events are one statement. Payloads are the rows' `to_jsonb` (snake_case, as the API).
 */
export function eventsFromRowsSql(type: EventType, source: SQL): SQL {
  return sql`INSERT INTO domain_events (id, type, payload)
    SELECT 'evt_' || replace(gen_random_uuid()::text, '-', ''), ${type}::text, to_jsonb(r) FROM ${source} r`;
}
