import "server-only";
import { LAST_30_DAYS, lastDays } from "@/lib/time-windows";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/types";
import { col, rowsAs } from "@/db/rows";
import { timestampParam } from "@/db/sql-values";
import { dateBounds, type ReferralReportFilters } from "@/lib/validation/referral-report";
import { resolveReportFilters, type ResolvedReportFilters } from "./referral-report-filter";
import type { CurrencyAmount } from "@/lib/money/currency-amounts";
import {
  clickFacts,
  earnedFacts,
  referralCurrencyFactsByCode,
  referralFacts,
  referralFactsByCode,
} from "./report-rollups";

export type ChartBucket = "day" | "week" | "month";

export type ReportCharts = {
  range: { from: string; toExclusive: string; bucket: ChartBucket; defaulted: boolean };
  /** Signups and net commissions (all levels, reversals netted, rejected excluded) per bucket. */
  timeline: { bucket: string; signups: number; commissionCents: number }[];
  funnel: { clicks: number; signups: number; payingClients: number };
  bySource: { source: string; signups: number }[];
};

export type TopReferrer = {
  userId: number;
  name: string;
  email: string;
  referrals: number;
  totalCommissionCents: number;
  avgCommissionCents: number;
  /**
   * The same in each other currency their referrals earned in (total and average over all their referrals
   * of the period, like the usd figures), one entry per currency, never added to usd.
   */
  otherCurrencies: (CurrencyAmount & { avgCents: number })[];
};

const DAY_MS = 86_400_000;
/** The report's period when the filters give no dates: the last 30 days as everywhere (lib/time-windows.ts). */
export const DEFAULT_CHART_DAYS = LAST_30_DAYS;

/**
 * The report's period (its key figures and charts): the filters' dates, or the last 30 days (UTC days,
 * today included) when they give none.
 */
export function chartRange(filters: ReferralReportFilters, now = new Date()) {
  const bounds = dateBounds(filters);
  // Without dates: the window every "last 30 days" uses, up to the end of today (UTC).
  const window = lastDays(now, DEFAULT_CHART_DAYS);
  const toExclusive = bounds.toExclusive ?? new Date(window.since.getTime() + window.days * DAY_MS);
  const from = bounds.from ?? new Date(toExclusive.getTime() - DEFAULT_CHART_DAYS * DAY_MS);
  const days = (toExclusive.getTime() - from.getTime()) / DAY_MS;
  const bucket: ChartBucket = days <= 92 ? "day" : days <= 730 ? "week" : "month";
  return { from, toExclusive, bucket, defaulted: !bounds.from && !bounds.toExclusive };
}

/**
 * The report's charts for the filtered referrals: signups and commissions over time, the funnel
 * clicks → signups → paying clients (a paying client has a `payments` row of type payment), and signups
 * by source. Commissions are placed by when they were earned, for referrals matching the filters other
 * than dates (a commission paid this month may come from a signup of last year).
 */
export async function getReportCharts(
  db: Db,
  input: ReferralReportFilters | ResolvedReportFilters,
  now = new Date(),
): Promise<ReportCharts> {
  const filters = await resolveReportFilters(db, input);
  const range = chartRange(filters, now);
  const from = timestampParam(range.from);
  const to = timestampParam(range.toExclusive);
  const unit = range.bucket;
  const period = { from: range.from, toExclusive: range.toExclusive };
  // Whole days come from the rollups (0012), a partial first or last day from the raw rows: see
  // report-rollups.ts. Commissions are placed by the day they were written.
  const referrals = referralFacts(filters, period);

  const [timeline, funnel, bySource] = await Promise.all([
    db.execute(sql`
      WITH buckets AS (
        SELECT generate_series(date_trunc(${unit}, ${from}), date_trunc(${unit}, ${to} - interval '1 microsecond'),
                               ('1 ' || ${unit})::interval) AS b
      ), signups AS (
        SELECT date_trunc(${unit}, f.at) AS b, sum(f.referrals) AS n FROM ${referrals} f GROUP BY 1
      ), earned AS (
        SELECT date_trunc(${unit}, e.at) AS b, sum(e.cents) AS cents FROM ${earnedFacts(filters, period)} e GROUP BY 1
      )
      SELECT to_char(buckets.b, 'YYYY-MM-DD') AS bucket,
             COALESCE(signups.n, 0)::bigint AS signups, COALESCE(earned.cents, 0)::bigint AS cents
        FROM buckets LEFT JOIN signups USING (b) LEFT JOIN earned USING (b)
       ORDER BY buckets.b`),
    db.execute(sql`
      SELECT (SELECT COALESCE(sum(k.clicks), 0) FROM ${clickFacts(filters, period)} k)::bigint AS clicks,
             COALESCE(sum(f.referrals), 0)::bigint AS signups, COALESCE(sum(f.paying), 0)::bigint AS paying
        FROM ${referrals} f`),
    db.execute(sql`
      SELECT f.source::text AS source, sum(f.referrals)::bigint AS signups
        FROM ${referrals} f
       GROUP BY f.source HAVING sum(f.referrals) > 0 ORDER BY signups DESC, source`),
  ]);
  const [f] = rowsAs(funnel, z.object({ clicks: col.int, signups: col.int, paying: col.int }));
  return {
    range: {
      from: range.from.toISOString(),
      toExclusive: range.toExclusive.toISOString(),
      bucket: range.bucket,
      defaulted: range.defaulted,
    },
    timeline: rowsAs(timeline, z.object({ bucket: col.text, signups: col.int, cents: col.cents })).map(
      (r) => ({
        bucket: r.bucket,
        signups: r.signups,
        commissionCents: r.cents,
      }),
    ),
    funnel: { clicks: f.clicks, signups: f.signups, payingClients: f.paying },
    bySource: rowsAs(bySource, z.object({ source: col.text, signups: col.int })),
  };
}

/**
 * The seed's "Business Intelligence Dashboard" query: top referrers of the last 30 days by referrals,
 * with their total and average commission per referral (the usage log's summaries), through their codes:
 * usd from report_code_daily, each other currency from report_currency_daily (0036) — 30 days of rows for
 * the top referrers, never their history.
 */
export async function getTopReferrers(db: Db, now = new Date(), limit = 10): Promise<TopReferrer[]> {
  // "Last 30 days" as on every other page (lib/time-windows.ts): whole UTC days, today included.
  const since = lastDays(now, LAST_30_DAYS).since;
  // Per code from the daily rollups, then per code owner.
  const perCode = referralFactsByCode({ from: since });
  const perCodeCurrency = referralCurrencyFactsByCode({ from: since });
  const rows = rowsAs(
    await db.execute(sql`
      WITH top AS (
        SELECT rc.client_id, sum(f.referrals) AS referrals, COALESCE(sum(f.net_cents), 0) AS cents
          FROM ${perCode} f JOIN referral_codes rc ON rc.id = f.referral_code_id
         GROUP BY rc.client_id HAVING sum(f.referrals) > 0
         ORDER BY referrals DESC, rc.client_id
         LIMIT ${limit}::int
      ), others AS (
        SELECT rc.client_id, f.currency, sum(f.net_cents) AS cents
          FROM ${perCodeCurrency} f JOIN referral_codes rc ON rc.id = f.referral_code_id
         WHERE rc.client_id IN (SELECT client_id FROM top)
         GROUP BY 1, 2 HAVING sum(f.net_cents) <> 0
      )
      SELECT u.id AS user_id, u.name, u.email AS referrer, top.referrals::bigint AS total_referrals,
             top.cents::bigint AS total_commission,
             round(top.cents::numeric / top.referrals)::bigint AS avg_commission_per_referral,
             (SELECT coalesce(json_agg(json_build_object('currency', o.currency, 'cents', o.cents,
                                                         'avg_cents', round(o.cents::numeric / top.referrals))
                                       ORDER BY o.currency), '[]'::json)
                FROM others o WHERE o.client_id = top.client_id) AS others
        FROM top JOIN users u ON u.id = top.client_id
       ORDER BY top.referrals DESC, u.id`),
    z.object({
      user_id: col.int,
      name: col.text,
      referrer: col.text,
      total_referrals: col.int,
      total_commission: col.cents,
      avg_commission_per_referral: col.cents,
      others: col.json(
        z.array(
          z.object({
            currency: z.string(),
            cents: z.coerce.number().int(),
            avg_cents: z.coerce.number().int(),
          }),
        ),
      ),
    }),
  );
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    email: r.referrer,
    referrals: r.total_referrals,
    totalCommissionCents: r.total_commission,
    avgCommissionCents: r.avg_commission_per_referral,
    otherCurrencies: r.others.map((o) => ({ currency: o.currency, cents: o.cents, avgCents: o.avg_cents })),
  }));
}
