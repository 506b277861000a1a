// The one definition of the time windows figures are counted over. Every "last 30 days" on every page,
// and the API's `signups_last_30_days` / leaderboard `period=30d`, is this window — so a card, the chart
// under it and the leaderboard can't count a different month.

const DAY_MS = 86_400_000;

export type DayWindow = {
  /** The first UTC day counted, `YYYY-MM-DD`. */
  firstDay: string;
  /** The last UTC day counted (today, still running), `YYYY-MM-DD`. */
  lastDay: string;
  /** The instant the window starts: 00:00 UTC of `firstDay`. */
  since: Date;
  /** How many UTC days the window spans. */
  days: number;
};

/**
 * "The last N days" = the N whole UTC days ending with today, today included (so far). Whole days because
 * the counters it is read from are per UTC day; today counts from its midnight up to now.
 */
export function lastDays(now: Date, days: number): DayWindow {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const since = new Date(today - (days - 1) * DAY_MS);
  return {
    firstDay: since.toISOString().slice(0, 10),
    lastDay: new Date(today).toISOString().slice(0, 10),
    since,
    days,
  };
}

/** The window every "last 30 days" figure uses. */
export const LAST_30_DAYS = 30;

/** How the pages say what "the last N days" means, once. */
export function windowExplanation(days: number): string {
  return `The last ${days} days are the ${days} whole days ending today, today included, counted in UTC.`;
}
