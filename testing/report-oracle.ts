// The admin reports recounted from the raw rows, the way they were computed before the rollups of 0012
// (EXISTS over commissions for a status, counts over referral_usage_log and referral_clicks): the oracle the
// rollup-based totals, charts and headline cards are held equal to after random histories.
import { sql, type SQL } from "drizzle-orm";
import { LAST_30_DAYS, lastDays } from "@/lib/time-windows";
import { expect } from "vitest";
import type { Db } from "@/db/types";
import { rawRows } from "@/testing/use-test-database";
import { getReportKeyFigures } from "@/lib/queries/report-key-figures";
import { getReportTotals } from "@/lib/queries/referral-report";
import type { ResolvedReportFilters } from "@/lib/queries/referral-report-filter";
import { chartRange, getReportCharts, getTopReferrers } from "@/lib/queries/report-charts";
import { dateBounds } from "@/lib/validation/referral-report";

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** Ids as a plain SQL list (the oracle spells its SQL without the app's array parameters). */
const idList = (ids: number[]) =>
  sql.join(
    ids.map((i) => sql`${i}::int`),
    sql`, `,
  );

function oracleWhere(f: ResolvedReportFilters, range?: { from?: Date; toExclusive?: Date }): SQL {
  const parts: SQL[] = [sql`TRUE`];
  const { from, toExclusive } = range ?? dateBounds(f);
  if (from) parts.push(sql`l.used_at >= ${ts(from)}`);
  if (toExclusive) parts.push(sql`l.used_at < ${ts(toExclusive)}`);
  if (f.commission_status === "eligible") parts.push(sql`l.commission_eligible`);
  else if (f.commission_status !== "all") {
    parts.push(sql`EXISTS (SELECT 1 FROM commissions c WHERE c.referral_id = l.id AND c.level = 'direct'
                            AND c.status = ${f.commission_status}::commission_status)`);
  }
  if (f.campaign !== undefined) {
    parts.push(
      sql`l.referral_code_id IN (SELECT id FROM referral_codes WHERE campaign_id = ${f.campaign}::int)`,
    );
  }
  if (f.referrers.kind === "ids") {
    parts.push(f.referrers.ids.length ? sql`l.referrer_user_id IN (${idList(f.referrers.ids)})` : sql`FALSE`);
  }
  if (f.flagged) parts.push(sql`l.is_flagged`);
  if (f.source) parts.push(sql`l.source = ${f.source}::referral_source`);
  return sql.join(parts, sql` AND `);
}

function oracleClicks(f: ResolvedReportFilters, range: { from: Date; toExclusive: Date }): SQL {
  const parts: SQL[] = [sql`k.clicked_at >= ${ts(range.from)}`, sql`k.clicked_at < ${ts(range.toExclusive)}`];
  if (f.source) parts.push(sql`k.source = ${f.source}::referral_source`);
  if (f.campaign !== undefined) {
    parts.push(
      sql`k.referral_code_id IN (SELECT id FROM referral_codes WHERE campaign_id = ${f.campaign}::int)`,
    );
  }
  if (f.referrers.kind === "ids") {
    parts.push(
      f.referrers.ids.length
        ? sql`k.referral_code_id IN (SELECT id FROM referral_codes WHERE client_id IN (${idList(f.referrers.ids)}))`
        : sql`FALSE`,
    );
  }
  return sql.join(parts, sql` AND `);
}

const n = (v: unknown) => Number(v ?? 0);

/** Totals, charts, headline cards and top referrers each equal to the raw recount for `filters`. */
export async function expectReportEqualsRecount(db: Db, f: ResolvedReportFilters, now: Date): Promise<void> {
  const where = oracleWhere(f);
  const [t] = rawRows<Record<string, unknown>>(
    await db.execute(sql`
      SELECT count(*) AS referrals, count(*) FILTER (WHERE l.is_flagged) AS flagged,
             count(*) FILTER (WHERE l.commission_eligible) AS eligible, count(*) FILTER (WHERE l.commission_paid) AS paid,
             coalesce(sum(l.commission_amount_cents), 0) AS net,
             (SELECT coalesce(sum(c.amount_cents) FILTER (WHERE c.status = 'pending'), 0) FROM commissions c
               WHERE c.level = 'direct' AND c.currency = 'usd' AND c.referral_id IN (SELECT l.id FROM referral_usage_log l WHERE ${where})) AS pending,
             (SELECT coalesce(sum(c.amount_cents) FILTER (WHERE c.status = 'approved'), 0) FROM commissions c
               WHERE c.level = 'direct' AND c.currency = 'usd' AND c.referral_id IN (SELECT l.id FROM referral_usage_log l WHERE ${where})) AS approved,
             (SELECT coalesce(sum(c.amount_cents) FILTER (WHERE c.status = 'paid'), 0) FROM commissions c
               WHERE c.level = 'direct' AND c.currency = 'usd' AND c.referral_id IN (SELECT l.id FROM referral_usage_log l WHERE ${where})) AS paid_cents,
             (SELECT coalesce(sum(c.amount_cents) FILTER (WHERE c.status = 'reversed'), 0) FROM commissions c
               WHERE c.level = 'direct' AND c.currency = 'usd' AND c.referral_id IN (SELECT l.id FROM referral_usage_log l WHERE ${where})) AS reversed,
             (SELECT coalesce(sum(c.amount_cents) FILTER (WHERE c.status = 'rejected'), 0) FROM commissions c
               WHERE c.level = 'direct' AND c.currency = 'usd' AND c.referral_id IN (SELECT l.id FROM referral_usage_log l WHERE ${where})) AS rejected
        FROM referral_usage_log l WHERE ${where}`),
  );
  // Every other currency on its own (never added to usd): the direct rows of the same referrals.
  const others = rawRows<Record<string, unknown>>(
    await db.execute(sql`
      SELECT c.currency, sum(c.amount_cents) FILTER (WHERE c.status <> 'rejected') AS net,
             sum(c.amount_cents) FILTER (WHERE c.status = 'pending') AS pending,
             sum(c.amount_cents) FILTER (WHERE c.status = 'approved') AS approved,
             sum(c.amount_cents) FILTER (WHERE c.status = 'paid') AS paid,
             sum(c.amount_cents) FILTER (WHERE c.status = 'reversed') AS reversed,
             sum(c.amount_cents) FILTER (WHERE c.status = 'rejected') AS rejected
        FROM commissions c
       WHERE c.level = 'direct' AND c.currency <> 'usd'
         AND c.referral_id IN (SELECT l.id FROM referral_usage_log l WHERE ${where})
       GROUP BY c.currency ORDER BY c.currency`),
  ).filter((o) => ["pending", "approved", "paid", "reversed", "rejected"].some((k) => n(o[k]) !== 0));
  const label = JSON.stringify(f);
  expect(await getReportTotals(db, f), `totals ${label}`).toEqual({
    otherCurrencies: others.map((o) => ({
      currency: o.currency,
      netCents: n(o.net),
      pendingCents: n(o.pending),
      approvedCents: n(o.approved),
      paidCents: n(o.paid),
      reversedCents: n(o.reversed),
      rejectedCents: n(o.rejected),
    })),
    referrals: n(t.referrals),
    flagged: n(t.flagged),
    eligible: n(t.eligible),
    commissionPaid: n(t.paid),
    commissionNetCents: n(t.net),
    ledger: {
      pendingCents: n(t.pending),
      approvedCents: n(t.approved),
      paidCents: n(t.paid_cents),
      reversedCents: n(t.reversed),
      rejectedCents: n(t.rejected),
    },
  });

  const range = chartRange(f, now);
  const unit = range.bucket;
  const inRange = oracleWhere(f, range);
  const selects =
    f.commission_status !== "all" ||
    f.campaign !== undefined ||
    f.referrers.kind !== "all" ||
    f.flagged ||
    f.source;
  const undated = oracleWhere({ ...f, start_date: undefined, end_date: undefined });
  const timeline = rawRows<{ bucket: string; signups: unknown; cents: unknown }>(
    await db.execute(sql`
      WITH buckets AS (
        SELECT generate_series(date_trunc(${unit}, ${ts(range.from)}), date_trunc(${unit}, ${ts(range.toExclusive)} - interval '1 microsecond'),
                               ('1 ' || ${unit})::interval) AS b
      ), signups AS (
        SELECT date_trunc(${unit}, l.used_at) AS b, count(*) AS n FROM referral_usage_log l WHERE ${inRange} GROUP BY 1
      ), earned AS (
        SELECT date_trunc(${unit}, c.created_at) AS b, sum(c.amount_cents) AS cents FROM commissions c
         WHERE c.status <> 'rejected' AND c.currency = 'usd' AND c.created_at >= ${ts(range.from)} AND c.created_at < ${ts(range.toExclusive)}
           ${selects ? sql`AND c.referral_id IN (SELECT l.id FROM referral_usage_log l WHERE ${undated})` : sql``}
         GROUP BY 1
      )
      SELECT to_char(buckets.b, 'YYYY-MM-DD') AS bucket, coalesce(signups.n, 0) AS signups, coalesce(earned.cents, 0) AS cents
        FROM buckets LEFT JOIN signups USING (b) LEFT JOIN earned USING (b) ORDER BY buckets.b`),
  );
  const [funnel] = rawRows<Record<string, unknown>>(
    await db.execute(sql`
      SELECT (SELECT count(*) FROM referral_clicks k WHERE ${oracleClicks(f, range)}) AS clicks,
             (SELECT count(*) FROM referral_usage_log l WHERE ${inRange}) AS signups,
             (SELECT count(*) FROM referral_usage_log l WHERE ${inRange} AND EXISTS (
                SELECT 1 FROM payments p WHERE p.user_id = l.referred_user_id AND p.type = 'payment')) AS paying`),
  );
  const bySource = rawRows<{ source: string; signups: unknown }>(
    await db.execute(sql`
      SELECT l.source::text AS source, count(*) AS signups FROM referral_usage_log l WHERE ${inRange}
       GROUP BY 1 ORDER BY signups DESC, source`),
  );
  const charts = await getReportCharts(db, f, now);
  expect(charts.timeline, `timeline ${label}`).toEqual(
    timeline.map((r) => ({ bucket: r.bucket, signups: n(r.signups), commissionCents: n(r.cents) })),
  );
  expect(charts.funnel, `funnel ${label}`).toEqual({
    clicks: n(funnel.clicks),
    signups: n(funnel.signups),
    payingClients: n(funnel.paying),
  });
  expect(charts.bySource, `by source ${label}`).toEqual(
    bySource.map((r) => ({ source: r.source, signups: n(r.signups) })),
  );
}

/** The report's key figures (this period and the one before) and the top referrers at `now`, each equal
 * to the raw recount. */
export async function expectProgramFiguresEqualRecount(db: Db, now: Date): Promise<void> {
  const since = lastDays(now, LAST_30_DAYS).since;
  const figures = await getReportKeyFigures(db, { commission_status: "all", flagged: false }, now);
  for (const [name, period] of [
    ["current", figures.period],
    ["previous", figures.previousPeriod],
  ] as const) {
    const [o] = rawRows<Record<string, unknown>>(
      await db.execute(sql`
        SELECT (SELECT count(*) FROM referral_usage_log
                 WHERE used_at >= ${period.from}::timestamptz AND used_at < ${period.toExclusive}::timestamptz) AS referrals,
               (SELECT count(*) FROM referral_clicks
                 WHERE clicked_at >= ${period.from}::timestamptz AND clicked_at < ${period.toExclusive}::timestamptz) AS clicks`),
    );
    const earned = rawRows<{ currency: string; cents: unknown }>(
      await db.execute(sql`
        SELECT currency, sum(amount_cents) AS cents FROM commissions
         WHERE status <> 'rejected' AND created_at >= ${period.from}::timestamptz
           AND created_at < ${period.toExclusive}::timestamptz
         GROUP BY currency HAVING sum(amount_cents) <> 0 ORDER BY currency`),
    );
    const shown = figures[name];
    expect(
      {
        referrals: shown.signups,
        clicks: shown.clicks,
        commissionCents: shown.commissionCents,
        otherCommissions: shown.otherCommissions,
      },
      `key figures, ${name} period`,
    ).toEqual({
      referrals: n(o.referrals),
      clicks: n(o.clicks),
      commissionCents: n(earned.find((e) => e.currency === "usd")?.cents),
      otherCommissions: earned
        .filter((e) => e.currency !== "usd")
        .map((e) => ({ currency: e.currency, cents: n(e.cents) })),
    });
  }
  const top = rawRows<Record<string, unknown>>(
    await db.execute(sql`
      SELECT u.id AS user_id, count(l.id) AS total, coalesce(sum(l.commission_amount_cents), 0) AS cents,
             coalesce(round(avg(l.commission_amount_cents)), 0) AS avg
        FROM users u JOIN referral_codes rc ON u.id = rc.client_id JOIN referral_usage_log l ON rc.id = l.referral_code_id
       WHERE l.used_at >= ${ts(since)} GROUP BY u.id ORDER BY total DESC, u.id LIMIT 10`),
  );
  expect(
    (await getTopReferrers(db, now)).map((r) => [
      r.userId,
      r.referrals,
      r.totalCommissionCents,
      r.avgCommissionCents,
    ]),
  ).toEqual(top.map((r) => [n(r.user_id), n(r.total), n(r.cents), n(r.avg)]));
}
