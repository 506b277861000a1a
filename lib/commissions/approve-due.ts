import { eventsFromRowsSql } from "@/lib/events/record-event";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import { timestampParam as timestamp } from "@/db/sql-values";
import type { DbOrTx } from "@/db/types";

const CHUNK = 5_000;

/**
 * Moves commissions whose hold has passed from `pending` to `approved`, except those of a referral that
 * is not eligible (flagged and waiting for review): they stay on hold until an admin releases it.
 * Idempotent and safe to run anywhere at once (the in-app timer and `npm run jobs:approve`): each chunk
 * is one conditional UPDATE that skips rows another run or a concurrent refund holds, and records each
 * approval's commission.approved event in the same statement (the outbox). `now` is injected
 * so tests (and an operator catching up) choose the clock.
 */
export async function approveDueCommissions(db: DbOrTx, now: Date): Promise<{ approved: number }> {
  const at = timestamp(now);
  let approved = 0;
  for (;;) {
    const rows = rowsAs(
      await db.execute(sql`
        WITH approved AS (
        UPDATE commissions c
           SET status = 'approved', approved_at = ${at}, updated_at = ${at}
         WHERE c.id IN (
           SELECT d.id FROM commissions d
            WHERE d.status = 'pending'
              AND d.hold_until <= ${at}
              AND (d.referral_id IS NULL OR EXISTS (
                    SELECT 1 FROM referral_usage_log l WHERE l.id = d.referral_id AND l.commission_eligible))
            ORDER BY d.id
            LIMIT ${CHUNK}
            FOR UPDATE SKIP LOCKED)
           AND c.status = 'pending'
        RETURNING c.*
        ), events AS (${eventsFromRowsSql("commission.approved", sql`approved`)})
        SELECT id FROM approved`),
      z.object({ id: col.int }),
    );
    approved += rows.length;
    if (rows.length < CHUNK) return { approved };
  }
}
