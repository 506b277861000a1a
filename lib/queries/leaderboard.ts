import "server-only";
import { eq, sql, type SQL } from "drizzle-orm";
import { users } from "@/db/schema";
import { z } from "zod";
import { badge } from "@/db/schema";
import { col, rowsAs } from "@/db/rows";
import type { DbOrTx } from "@/db/types";
import { maskName } from "@/lib/privacy/mask";
import { badgeNames, type Badge } from "@/lib/rewards/rules";
import { LAST_30_DAYS, lastDays } from "@/lib/time-windows";
import type { LeaderboardPeriod } from "@/lib/validation/leaderboard";
import { leaderboardWindowStart } from "./leaderboard-window";

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
  const viewerId = opts.viewerId ?? 0;
  // The kept 30-day counts (0037) cover the window the job last moved them to; for any other window (the
  // minutes after midnight UTC before the job has run, or an explicit `now`) the per-day counts answer.
  const ranked =
    !window || (await leaderboardWindowStart(db)) === window.firstDay
      ? await rankedFromIndex(db, window ? "recent" : "referrals", opts.limit, viewerId)
      : await rankedFromDays(db, window.firstDay, opts.limit, viewerId);
  const entries = ranked.map((r): LeaderboardEntry => ({
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
    since: window?.since ?? null,
    entries: entries.filter((e) => e.rank <= opts.limit),
    viewer: entries.find((e) => e.isViewer && e.rank > opts.limit) ?? null,
  };
}

/** Name, opt-in and best badge of each ranked row: one look-up per row shown. */
const shown = (ranked: SQL) => sql`
  SELECT r.rank, r.user_id, r.referrals, (r.last_us / 1000.0)::float8 AS reached_ms, u.name,
         u.leaderboard_opt_in AS opt_in,
         (SELECT b.badge FROM user_badges b WHERE b.user_id = r.user_id ORDER BY b.badge DESC LIMIT 1) AS badge
    FROM (${ranked}) r JOIN users u ON u.id = r.user_id
   ORDER BY r.rank`;

/**
 * The board from its index (0037): the first `limit` entries of the board's order, and the viewer's place
 * as 1 + the listed referrers strictly ahead of them — a range of the same index, so the cost follows
 * the rows shown and the viewer's place, not the number of referrers.
 */
async function rankedFromIndex(db: DbOrTx, count: "referrals" | "recent", limit: number, viewerId: number) {
  const n = sql.raw(count);
  return rowsAs(
    await db.execute(
      shown(sql`
        SELECT row_number() OVER (ORDER BY -t.${n}, t.last_us, t.referrer_user_id)::int AS rank,
               t.referrer_user_id AS user_id, t.${n}::int AS referrals, t.last_us
          FROM (SELECT c.* FROM referrer_counted c WHERE c.listed AND c.${n} > 0
                 ORDER BY -c.${n}, c.last_us, c.referrer_user_id LIMIT ${limit}) t
        UNION ALL
        SELECT 1 + (SELECT count(*) FROM referrer_counted a
                     WHERE a.listed AND a.${n} > 0
                       AND (-a.${n}, a.last_us, a.referrer_user_id) < (-v.${n}, v.last_us, v.referrer_user_id))::int,
               v.referrer_user_id, v.${n}::int, v.last_us
          FROM referrer_counted v
         WHERE v.referrer_user_id = ${viewerId} AND v.listed AND v.${n} > 0`),
    ),
    leaderboardRow,
  ).filter((r, i, rows) => rows.findIndex((o) => o.user_id === r.user_id) === i);
}

/** The 30-day board summed from the per-day counts (0033) and ranked whole: exact for any window, slower. */
async function rankedFromDays(db: DbOrTx, firstDay: string, limit: number, viewerId: number) {
  return rowsAs(
    await db.execute(
      shown(sql`
        SELECT * FROM (
          SELECT row_number() OVER (ORDER BY c.referrals DESC, c.last_us ASC, c.user_id ASC)::int AS rank, c.*
            FROM (SELECT d.referrer_user_id AS user_id, sum(d.referrals)::int AS referrals, max(d.last_us) AS last_us
                    FROM referrer_counted_daily d
                    JOIN users u ON u.id = d.referrer_user_id AND u.status = 'active' AND u.role = 'client'
                   WHERE d.day >= ${firstDay}::date AND d.referrals > 0
                   GROUP BY d.referrer_user_id) c
        ) ranked
         WHERE ranked.rank <= ${limit} OR ranked.user_id = ${viewerId}`),
    ),
    leaderboardRow,
  );
}

/** Whether the leaderboard shows this user's name (they opted in) or a masked one (the default, also for no such user). */
export async function getLeaderboardOptIn(db: DbOrTx, userId: number): Promise<boolean> {
  const [row] = await db.select({ optIn: users.leaderboardOptIn }).from(users).where(eq(users.id, userId));
  return row?.optIn ?? false;
}
