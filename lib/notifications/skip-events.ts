// No "server-only": the demo seed imports this from the CLI too (tsx), like the other domain functions it uses.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import { timestampParam } from "@/db/sql-values";
import type { Db } from "@/db/types";

/**
 * Marks every recorded event as processed by the notifications consumer without notifying anyone: for
 * history loaded in bulk (the demo seed), which is not news to its recipients.
 */
export async function skipPendingNotificationEvents(db: Db, now: Date = new Date()): Promise<number> {
  const rows = rowsAs(
    await db.execute(sql`
      WITH marked AS (
        UPDATE domain_events SET notified_at = ${timestampParam(now)} WHERE notified_at IS NULL RETURNING 1
      )
      SELECT count(*)::int AS n FROM marked`),
    z.object({ n: col.int }),
  );
  return rows[0]?.n ?? 0;
}
