// Where "the last 30 days" of the leaderboard starts (migration 0037): the referrers' `recent` counts are
// kept for the days from leaderboard_window.first_day on, and this moves that day as the days pass.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import type { DbOrTx } from "@/db/types";
import { LAST_30_DAYS, lastDays } from "@/lib/time-windows";

/** The first UTC day (`YYYY-MM-DD`) the kept 30-day counts cover. */
export async function leaderboardWindowStart(db: DbOrTx): Promise<string> {
  const [row] = rowsAs(
    await db.execute(sql`SELECT to_char(first_day, 'YYYY-MM-DD') AS first_day FROM leaderboard_window`),
    z.object({ first_day: col.text }),
  );
  return row.first_day;
}

/**
 * Moves the kept counts to "the last 30 days" as of `now`: the day that fell out is taken away, one day's
 * referrers at a time. Idempotent (a second run, or a run before midnight, moves nothing); run by the job
 * `leaderboard:move-window` every few minutes, so the board is on its fast path again minutes after
 * midnight UTC. Returns how many days the window moved.
 */
export async function moveLeaderboardWindow(db: DbOrTx, now: Date): Promise<{ days: number }> {
  const { firstDay } = lastDays(now, LAST_30_DAYS);
  const [row] = rowsAs(
    await db.execute(sql`SELECT leaderboard_move_window(${firstDay}::date) AS days`),
    z.object({ days: col.int }),
  );
  return { days: row.days };
}
