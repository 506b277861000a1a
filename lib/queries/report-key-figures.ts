import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/types";
import { col, rowsAs } from "@/db/rows";
import type { ReferralReportFilters } from "@/lib/validation/referral-report";
import { chartRange } from "./report-charts";
import { resolveReportFilters, type ResolvedReportFilters } from "./referral-report-filter";
import { clickFacts, earnedCurrencyFacts, earnedFacts, referralFacts, type Period } from "./report-rollups";
import type { CurrencyAmount } from "@/lib/money/currency-amounts";
import { otherCurrenciesColumn } from "./referral-currency-amounts";

export type PeriodFigures = {
  clicks: number;
  signups: number;
  /** Referred clients of the period who have paid at least once. */
  payingClients: number;
  /** Commissions earned in the period: every level, reversals netted, rejected excluded (usd). */
  commissionCents: number;
  /** The same in each other currency (never added to the usd figure), by currency. */
  otherCommissions: CurrencyAmount[];
};

export type ReportKeyFigures = {
  period: { from: string; toExclusive: string; defaulted: boolean };
  /** The period of the same length that ends where this one starts. */
  previousPeriod: { from: string; toExclusive: string };
  current: PeriodFigures;
  previous: PeriodFigures;
};

/** The period of the same length immediately before `[from, toExclusive)`. */
export function previousPeriod(period: { from: Date; toExclusive: Date }): { from: Date; toExclusive: Date } {
  const length = period.toExclusive.getTime() - period.from.getTime();
  return { from: new Date(period.from.getTime() - length), toExclusive: period.from };
}

/**
 * The /admin report's answer first: clicks, signups, paying clients and commissions earned for the
 * report's period (chartRange: the filters' dates, or the rolling 30 days) and for the period of the same
 * length before it, under the same filters. Read from the daily rollups (report-rollups.ts), never by
 * counting history, and from the same fact tables as the charts: the signups here are the funnel's and
 * the timeline's total, the commission the timeline's.
 */
export async function getReportKeyFigures(
  db: Db,
  input: ReferralReportFilters | ResolvedReportFilters,
  now = new Date(),
): Promise<ReportKeyFigures> {
  const filters = await resolveReportFilters(db, input);
  const range = chartRange(filters, now);
  const current = { from: range.from, toExclusive: range.toExclusive };
  const before = previousPeriod(current);
  const [a, b] = await Promise.all([periodFigures(db, filters, current), periodFigures(db, filters, before)]);
  return {
    period: { from: iso(current.from), toExclusive: iso(current.toExclusive), defaulted: range.defaulted },
    previousPeriod: { from: iso(before.from), toExclusive: iso(before.toExclusive) },
    current: a,
    previous: b,
  };
}

const iso = (d: Date) => d.toISOString();

async function periodFigures(db: Db, filters: ResolvedReportFilters, period: Period): Promise<PeriodFigures> {
  const [row] = rowsAs(
    await db.execute(sql`
      SELECT (SELECT COALESCE(sum(k.clicks), 0) FROM ${clickFacts(filters, period)} k)::bigint AS clicks,
             (SELECT COALESCE(sum(e.cents), 0) FROM ${earnedFacts(filters, period)} e)::bigint AS cents,
             (SELECT coalesce(json_agg(o ORDER BY o.currency), '[]'::json) FROM (
                SELECT e.currency, sum(e.cents)::bigint AS cents FROM ${earnedCurrencyFacts(filters, period)} e
                 GROUP BY e.currency HAVING sum(e.cents) <> 0) o) AS others,
             COALESCE(sum(f.referrals), 0)::bigint AS signups, COALESCE(sum(f.paying), 0)::bigint AS paying
        FROM ${referralFacts(filters, period)} f`),
    z.object({
      clicks: col.int,
      cents: col.cents,
      others: otherCurrenciesColumn,
      signups: col.int,
      paying: col.int,
    }),
  );
  return {
    clicks: row.clicks,
    signups: row.signups,
    payingClients: row.paying,
    commissionCents: row.cents,
    // Earned in the period in each other currency (0036's earned_currency_daily), never added to usd.
    otherCommissions: row.others,
  };
}

/**
 * The change from `previous` to `current` as a ratio (0.12 = +12%), or null when there is nothing to
 * compare with (the previous period had none): a percentage of zero means nothing.
 */
export function relativeChange(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return (current - previous) / previous;
}
