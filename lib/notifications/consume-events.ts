import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import { timestampParam } from "@/db/sql-values";
import type { Db } from "@/db/types";
import { TEST_EVENT_TYPE } from "@/lib/events/event-types";
import { draftsForEvent } from "./event-notifications";
import {
  queueNotifications,
  type NotificationDraft,
  type QueueContext,
  type QueueResult,
} from "./queue-notifications";

const CHUNK = 200;

/**
 * The notifications consumer of domain_events (its own progress: `notified_at`, beside the webhooks'):
 * takes unprocessed events in `seq` order, decides their messages, writes them to the outbox and marks the
 * events, one transaction per chunk. Concurrent runs take different events (SKIP LOCKED); the outbox's
 * idempotency key keeps a chunk processed again (a crash after sending jobs, a reset marker) from
 * queueing anything twice.
 */
export async function consumeNotificationEvents(
  db: Db,
  ctx: QueueContext,
): Promise<{ events: number } & QueueResult> {
  const total = { events: 0, queued: 0, capped: 0, turnedOff: 0, duplicates: 0 };
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const events = rowsAs(
        await tx.execute(sql`
          WITH picked AS (
            SELECT id, seq, type, payload FROM domain_events
             WHERE notified_at IS NULL
             ORDER BY seq
             LIMIT ${CHUNK}
             FOR UPDATE SKIP LOCKED
          ), marked AS (
            UPDATE domain_events e SET notified_at = ${timestampParam(ctx.now)}
              FROM picked WHERE e.id = picked.id
            RETURNING e.id
          )
          SELECT picked.id, picked.type, picked.payload FROM picked JOIN marked USING (id) ORDER BY picked.seq`),
        z.object({ id: col.text, type: col.text, payload: col.json(z.record(z.string(), z.unknown())) }),
      );
      const drafts: NotificationDraft[] = [];
      for (const event of events) {
        if (event.type === TEST_EVENT_TYPE) continue;
        drafts.push(...(await draftsForEvent(tx, event)));
      }
      const result = await queueNotifications(tx, drafts, ctx);
      total.events += events.length;
      total.queued += result.queued;
      total.capped += result.capped;
      total.turnedOff += result.turnedOff;
      total.duplicates += result.duplicates;
      return events.length < CHUNK;
    });
    if (done) return total;
  }
}
