import "server-only";
import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { z } from "zod";
import { badge } from "@/db/schema";
import { col, rowsAs } from "@/db/rows";
import type { DbOrTx } from "@/db/types";
import { maskName } from "@/lib/privacy/mask";
import { badgeNames, type Badge } from "@/lib/rewards/rules";
import { LAST_30_DAYS, lastDays } from "@/lib/time-windows";
import type { LeaderboardPeriod } from "@/lib/validation/leaderboard";

export type LeaderboardEntry = {
  rank: number;
  /** The referrer's name if they opted in, else masked (`S*** J.`). */
  displayName: string;
  masked: boolean;
  badge: Badge | null;
  badgeName: string | null;
  referrals: number;
  /** When they reached their count (their latest qualified referral in the period): ties go to the earlier. */
  reachedAt: Date;
  isViewer: boolean;
};

export type Leaderboard = {
  period: LeaderboardPeriod;
  since: Date | null;
  entries: LeaderboardEntry[];
  /** The viewer's own place when it is outside the top rows (null if they have no qualified referral). */
  viewer: LeaderboardEntry | null;
};

const leaderboardRow = z.object({
  rank: col.int,
  user_id: col.int,
  referrals: col.int,
  reached_ms: col.number,
  name: col.text,
  opt_in: col.bool,
  badge: z.enum(badge.enumValues).nullable(),
});

/**
 * Top referrers by qualified referrals (flagged-and-pending and rejected ones do not count), over the last
 * 30 days (lastDays) or all time. Only real, active clients with at least one referral appear — the board is never
 * padded. Ties go to whoever got there first, then to the older account.
 */
export async function getLeaderboard(
  db: DbOrTx,
  opts: { period: LeaderboardPeriod; limit: number; viewerId?: number | null; now?: Date },
): Promise<Leaderboard> {
  const now = opts.now ?? new Date();
  // "Last 30 days" as everywhere else (lib/time-windows.ts): whole UTC days, today included.
  const window = opts.period === "30d" ? lastDays(now, LAST_30_DAYS) : null;
  const since = window?.since ?? null;
  const viewerId = opts.viewerId ?? 0;
  // Read from the counts the usage-log triggers keep (migration 0033), never from the referrals themselves:
  // all time is one row per referrer, the last 30 days at most 30 per referrer (one per UTC day).
  const counts = window
    ? sql`SELECT d.referrer_user_id AS user_id, sum(d.referrals)::int AS referrals, max(d.last_us) AS last_us
            FROM referrer_counted_daily d
           WHERE d.day >= ${window.firstDay}::date AND d.referrals > 0
           GROUP BY d.referrer_user_id`
    : sql`SELECT c.referrer_user_id AS user_id, c.referrals::int AS referrals, c.last_us
            FROM referrer_counted c WHERE c.referrals > 0`;
  const rows = rowsAs(
    await db.execute(sql`
      WITH counts AS (
        SELECT c.* FROM (${counts}) c
          JOIN users u ON u.id = c.user_id AND u.status = 'active' AND u.role = 'client'
      ), ranked AS (
        SELECT c.*, row_number() OVER (ORDER BY c.referrals DESC, c.last_us ASC, c.user_id ASC)::int AS rank
          FROM counts c
      )
      SELECT r.rank, r.user_id, r.referrals, (r.last_us / 1000.0)::float8 AS reached_ms, u.name, u.leaderboard_opt_in AS opt_in,
             (SELECT b.badge FROM user_badges b WHERE b.user_id = r.user_id ORDER BY b.badge DESC LIMIT 1) AS badge
        FROM ranked r
        JOIN users u ON u.id = r.user_id
       WHERE r.rank <= ${opts.limit} OR r.user_id = ${viewerId}
       ORDER BY r.rank`),
    leaderboardRow,
  );
  const entries = rows.map((r): LeaderboardEntry => ({
    rank: r.rank,
    displayName: r.opt_in ? r.name : maskName(r.name),
    masked: !r.opt_in,
    badge: r.badge,
    badgeName: r.badge ? badgeNames[r.badge] : null,
    referrals: r.referrals,
    reachedAt: new Date(r.reached_ms),
    isViewer: r.user_id === viewerId,
  }));
  return {
    period: opts.period,
    since,
    entries: entries.filter((e) => e.rank <= opts.limit),
    viewer: entries.find((e) => e.isViewer && e.rank > opts.limit) ?? null,
  };
}

/** Whether the leaderboard shows this user's name (they opted in) or a masked one (the default, also for no such user). */
export async function getLeaderboardOptIn(db: DbOrTx, userId: number): Promise<boolean> {
  const [row] = await db.select({ optIn: users.leaderboardOptIn }).from(users).where(eq(users.id, userId));
  return row?.optIn ?? false;
}
