import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/types";
import { col, rowsAs } from "@/db/rows";
import { timestampParam } from "@/db/sql-values";
import { inCommissionBucket } from "@/lib/commissions/commission-buckets";
import { dateBounds, type ReferralReportFilters } from "@/lib/validation/referral-report";
import {
  referralClicksWhere,
  referralReportWhere,
  resolveReportFilters,
  type ResolvedReportFilters,
} from "./referral-report-filter";

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
};

const DAY_MS = 86_400_000;
export const DEFAULT_CHART_DAYS = 90;

/** The charts' period: the filters' dates, or the last 90 days (UTC days) when they give none. */
export function chartRange(filters: ReferralReportFilters, now = new Date()) {
  const bounds = dateBounds(filters);
  const startOfTomorrow = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY_MS,
  );
  const toExclusive = bounds.toExclusive ?? startOfTomorrow;
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
  const inRange = sql`${referralReportWhere(filters)} AND l.used_at >= ${from} AND l.used_at < ${to}`;
  const undated = { ...filters, start_date: undefined, end_date: undefined };
  const referralFilter =
    filters.commission_status !== "all" ||
    filters.campaign !== undefined ||
    filters.referrer ||
    filters.flagged ||
    filters.source
      ? sql`AND c.referral_id IN (SELECT l.id FROM referral_usage_log l WHERE ${referralReportWhere(undated)})`
      : sql``;

  const [timeline, funnel, bySource] = await Promise.all([
    db.execute(sql`
      WITH buckets AS (
        SELECT generate_series(date_trunc(${unit}, ${from}), date_trunc(${unit}, ${to} - interval '1 microsecond'),
                               ('1 ' || ${unit})::interval) AS b
      ), signups AS (
        SELECT date_trunc(${unit}, l.used_at) AS b, count(*) AS n
          FROM referral_usage_log l WHERE ${inRange} GROUP BY 1
      ), earned AS (
        SELECT date_trunc(${unit}, c.created_at) AS b, sum(c.amount_cents) AS cents
          FROM commissions c
         WHERE ${inCommissionBucket("earned")} AND c.created_at >= ${from} AND c.created_at < ${to} ${referralFilter}
         GROUP BY 1
      )
      SELECT to_char(buckets.b, 'YYYY-MM-DD') AS bucket,
             COALESCE(signups.n, 0)::bigint AS signups, COALESCE(earned.cents, 0)::bigint AS cents
        FROM buckets LEFT JOIN signups USING (b) LEFT JOIN earned USING (b)
       ORDER BY buckets.b`),
    // Three counts; the paying one as a WHERE EXISTS so it plans as a semi-join, not a probe per signup.
    db.execute(sql`
      SELECT (SELECT count(*) FROM referral_clicks k WHERE ${referralClicksWhere(filters, range)})::bigint AS clicks,
             (SELECT count(*) FROM referral_usage_log l WHERE ${inRange})::bigint AS signups,
             (SELECT count(*) FROM referral_usage_log l WHERE ${inRange} AND EXISTS (
               SELECT 1 FROM payments p WHERE p.user_id = l.referred_user_id AND p.type = 'payment'))::bigint AS paying`),
    db.execute(sql`
      SELECT l.source::text AS source, count(*)::bigint AS signups
        FROM referral_usage_log l WHERE ${inRange}
       GROUP BY l.source ORDER BY signups DESC, source`),
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
 * with their total and average commission per referral (the usage log's summaries), through their codes.
 */
export async function getTopReferrers(db: Db, now = new Date(), limit = 10): Promise<TopReferrer[]> {
  const since = new Date(now.getTime() - 30 * DAY_MS);
  const rows = rowsAs(
    await db.execute(sql`
      SELECT u.id AS user_id, u.name, u.email AS referrer,
             count(l.id)::bigint AS total_referrals,
             COALESCE(sum(l.commission_amount_cents), 0)::bigint AS total_commission,
             COALESCE(round(avg(l.commission_amount_cents)), 0)::bigint AS avg_commission_per_referral
        FROM users u
        JOIN referral_codes rc ON u.id = rc.client_id
        JOIN referral_usage_log l ON rc.id = l.referral_code_id
       WHERE l.used_at >= ${timestampParam(since)}
       GROUP BY u.id, u.name, u.email
       ORDER BY total_referrals DESC, u.id
       LIMIT ${limit}::int`),
    z.object({
      user_id: col.int,
      name: col.text,
      referrer: col.text,
      total_referrals: col.int,
      total_commission: col.cents,
      avg_commission_per_referral: col.cents,
    }),
  );
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    email: r.referrer,
    referrals: r.total_referrals,
    totalCommissionCents: r.total_commission,
    avgCommissionCents: r.avg_commission_per_referral,
  }));
}
