// What the leaderboard says when it shows fewer rows than its title promises ("Top 10" with 4 rows), so a
// short board reads as "few have referred yet", not as a broken page. Pure: the page and its test use it.
import type { LeaderboardPeriod } from "@/lib/validation/leaderboard";

export function shortBoardNote(rows: number, limit: number, period: LeaderboardPeriod): string | null {
  if (rows >= limit || rows === 0) return null;
  const who = rows === 1 ? "Only 1 referrer has" : `Only ${rows} referrers have`;
  const when = period === "30d" ? " in the last 30 days" : "";
  return `${who} a referral${when} yet, so the board shows ${rows === 1 ? "1 row" : `${rows} rows`} of ${limit}.`;
}
