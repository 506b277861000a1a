import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import { timestampParam } from "@/db/sql-values";
import type { Db } from "@/db/types";
import { TEST_EVENT_TYPE } from "@/lib/events/event-types";
import { draftsForEvent } from "./event-notifications";
import { queueNotifications, type QueueContext, type QueueResult } from "./queue-notifications";
import { renderDrafts } from "./render-drafts";

const CHUNK = 200;

const eventRow = z.object({
  id: col.text,
  type: col.text,
  payload: col.json(z.record(z.string(), z.unknown())),
});

/**
 * The notifications consumer of domain_events (its own progress: `notified_at`, beside the webhooks'):
 * reads the next unprocessed events in `seq` order, decides and renders their messages with no lock held,
 * then in one short transaction per chunk marks the events it can lock (SKIP LOCKED; only those still
 * unmarked) and writes those events' messages to the outbox. An event is marked only together with its
 * messages, so none is lost; the outbox's idempotency key keeps a chunk processed again (a crash after
 * sending jobs, a reset marker) from queueing anything twice. Reading before locking is safe: an event a
 * concurrent run marked meanwhile is simply not taken, and what was rendered for it is dropped.
 */
export async function consumeNotificationEvents(
  db: Db,
  ctx: QueueContext,
): Promise<{ events: number } & QueueResult> {
  const total = { events: 0, queued: 0, capped: 0, turnedOff: 0, duplicates: 0 };
  for (;;) {
    const pending = rowsAs(
      await db.execute(sql`
        SELECT id, type, payload FROM domain_events
         WHERE notified_at IS NULL
         ORDER BY seq
         LIMIT ${CHUNK}`),
      eventRow,
    );
    if (!pending.length) return total;
    const drafts = [];
    for (const event of pending) {
      if (event.type === TEST_EVENT_TYPE) continue;
      for (const draft of await draftsForEvent(db, event)) drafts.push({ ...draft, eventId: event.id });
    }
    const rendered = await renderDrafts(db, drafts, ctx);
    const taken = await db.transaction(async (tx) => {
      const marked = rowsAs(
        await tx.execute(sql`
          WITH picked AS (
            SELECT id FROM domain_events
             WHERE id IN (${sql.join(
               pending.map((e) => sql`${e.id}`),
               sql`, `,
             )}) AND notified_at IS NULL
             FOR UPDATE SKIP LOCKED
          )
          UPDATE domain_events e SET notified_at = ${timestampParam(ctx.now)}
            FROM picked WHERE e.id = picked.id
          RETURNING e.id`),
        z.object({ id: col.text }),
      );
      const mine = new Set(marked.map((e) => e.id));
      const result = await queueNotifications(
        tx,
        rendered.filter((d) => mine.has(d.eventId)),
        ctx,
      );
      total.events += marked.length;
      total.queued += result.queued;
      total.capped += result.capped;
      total.turnedOff += result.turnedOff;
      total.duplicates += result.duplicates;
      return marked.length;
    });
    // A short chunk was the last; a chunk another run took part of is that run's to finish (the next
    // scheduled run goes on from there).
    if (pending.length < CHUNK || taken < pending.length) return total;
  }
}
