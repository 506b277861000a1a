import { sql } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import { timestampParam } from "@/db/sql-values";
import type { Db } from "@/db/types";
import { enqueueDeliveries } from "./delivery-queue";

const CHUNK = 500;

/**
 * Turns recorded events into deliveries: one row per subscribed, enabled endpoint, and a delivery job
 * for each, in one transaction with marking the events fanned out. Runs in a job, never in the request
 * that recorded the event. Concurrent runs take different events (SKIP LOCKED); the unique
 * (event, endpoint) index keeps a run repeated after a crash from delivering twice.
 */
export async function fanOutEvents(
  db: Db,
  now: Date = new Date(),
): Promise<{ events: number; deliveries: number }> {
  let events = 0;
  let deliveries = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const rows = rowsAs(
        await tx.execute(sql`
          WITH picked AS (
            SELECT id, type FROM domain_events
             WHERE webhooks_fanned_out_at IS NULL
             ORDER BY seq
             LIMIT ${CHUNK}
             FOR UPDATE SKIP LOCKED
          ), marked AS (
            UPDATE domain_events e SET webhooks_fanned_out_at = ${timestampParam(now)}
              FROM picked WHERE e.id = picked.id
            RETURNING e.id
          ), delivered AS (
            INSERT INTO webhook_deliveries (event_id, endpoint_id, next_attempt_at)
            SELECT picked.id, w.id, ${timestampParam(now)}
              FROM picked JOIN webhook_endpoints w ON w.disabled_at IS NULL AND picked.type = ANY (w.events)
            ON CONFLICT (event_id, endpoint_id) DO NOTHING
            RETURNING id
          )
          SELECT (SELECT count(*) FROM marked)::int AS events,
                 coalesce((SELECT json_agg(id) FROM delivered), '[]'::json) AS deliveries`),
        z.object({ events: col.int, deliveries: col.json(z.array(z.coerce.number())) }),
      );
      const [{ events: picked, deliveries: ids }] = rows;
      await enqueueDeliveries(tx, ids);
      events += picked;
      deliveries += ids.length;
      return picked < CHUNK;
    });
    if (done) return { events, deliveries };
  }
}
