import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { jsonCol, jsonRead, readJson, type JsonRead } from "@/db/json-batch";
import { timestampParam } from "@/db/sql-values";
import type { DbOrTx } from "@/db/types";
import {
  commissionBucketRow,
  type CommissionBucketCents,
  readCommissionBuckets,
  rollupBucketColumns,
  sumRollupBucket,
} from "@/lib/commissions/commission-buckets";
import { centsToDecimal } from "@/lib/format";
import { currencyAmountsJson, withBaseCurrency } from "@/lib/money/currency-amounts";
import { currencyEarnedCents } from "./referral-currency-amounts";
import { maskEmail } from "@/lib/privacy/mask";
import { LAST_30_DAYS, lastDays } from "@/lib/time-windows";

// Referral analytics of one client, for GET /api/clients/:id/referral-analytics and the dashboard.
// Money comes from the commissions ledger: the client's own direct-level rows, summed by the buckets of
// lib/commissions/commission-buckets.ts (earned; the seed's `pending` is the unpaid bucket, on hold +
// approved; paid). Everything is read from the counters and rollups of migration 0010 — no statement counts
// a referrer's history — so time windows are whole UTC days (the 30 days ending today, today included)
// and months are UTC.

const DAY_MS = 86_400_000;

export type Viewer = "owner" | "admin";

export type CodeAnalytics = {
  id: number;
  code: string;
  code_name: string | null;
  created_at: string;
  usage_count: number;
  usage_limit: number | null;
  total_signups: number;
  signups_last_30_days: number;
  signups_last_7_days: number;
  total_commission_earned: string;
  commission_paid: string;
  clicks: number;
  conversion_rate: number | null;
  /** The code's earned commission in every currency it was earned in, usd first (`total_commission_earned` is usd). */
  commission_by_currency: ReturnType<typeof currencyAmountsJson>;
};

export type RecentReferral = {
  used_at: string;
  signup_ip: string | null;
  referred_user_email: string;
  referral_code_used: string;
  commission_amount: string;
  commission_eligible: boolean;
  /** The commission in every currency it was earned in, usd first (`commission_amount` is usd). */
  commission_by_currency: ReturnType<typeof currencyAmountsJson>;
};

/** The summary's money in one currency other than usd (the summary's own figures are usd). */
export type CurrencySummary = {
  currency: string;
  total_commission_earned: string;
  commission_pending: string;
  commission_paid: string;
};

export type ReferralAnalytics = {
  codes: CodeAnalytics[];
  recent_referrals: RecentReferral[];
  summary: {
    total_codes: number;
    active_codes: number;
    total_referrals: number;
    /** Signups in the last 30 days (lib/time-windows.ts): the sum of the codes' `signups_last_30_days`. */
    signups_last_30_days: number;
    total_commission_earned: string;
    commission_pending: string;
    // Beyond the seed's summary: what the dashboard's headline cards show, from this same query.
    commission_paid: string;
    total_clicks: number;
    conversion_rate: number | null;
    /** The direct commissions of the client's referrals in the other currencies (0036), by currency. */
    other_currencies: CurrencySummary[];
  };
};

/** The monthly report's money in one currency other than usd (the report's own figures are usd). */
export type MonthlyCurrencyReport = {
  currency: string;
  commission_earned: string;
  commission_pending: string;
  commission_on_hold: string;
  commission_approved: string;
};

export type MonthlyReport = {
  period: string;
  total_referrals: number;
  new_referrals: number;
  commission_earned: string;
  /** The seed's field: On hold + Approved (earned in the month, not yet paid). */
  commission_pending: string;
  commission_on_hold: string;
  commission_approved: string;
  top_performing_code: string | null;
  conversion_rate: number | null;
  /** The month's direct commissions in the other currencies (0040), by currency; none are converted. */
  other_currencies: MonthlyCurrencyReport[];
};

const ratio = (signups: number, clicks: number) => (clicks > 0 ? signups / clicks : null);
const iso = (v: Date) => v.toISOString();

const bucketJson = commissionBucketRow;

const codeJson = z.object({
  id: jsonCol.int,
  code: jsonCol.text,
  code_name: jsonCol.nullableText,
  created_at: jsonCol.timestamp,
  usage_count: jsonCol.int,
  usage_limit: jsonCol.nullableInt,
  active: jsonCol.bool,
  total_signups: jsonCol.int,
  last30: jsonCol.int,
  last7: jsonCol.int,
  clicks: jsonCol.int,
  earned: jsonCol.count,
  paid: jsonCol.count,
  others: jsonCol.list(z.object({ currency: jsonCol.text, cents: jsonCol.int })),
});

const recentJson = z.object({
  used_at: jsonCol.timestamp,
  signup_ip: jsonCol.nullableText,
  email: jsonCol.text,
  code_used: jsonCol.text,
  commission_amount_cents: jsonCol.int,
  commission_eligible: jsonCol.bool,
  others: jsonCol.list(z.object({ currency: jsonCol.text, cents: jsonCol.int })),
});

const otherCurrencyJson = z.object({
  currency: jsonCol.text,
  earned: jsonCol.int,
  unpaid: jsonCol.int,
  paid: jsonCol.int,
});

/** A `YYYY-MM-DD` UTC day as a date parameter. */
const dayLiteral = (day: string) => sql`${day}::date`;

/** Signups of code `rc` over the UTC days [from, to] from the code·day rollup. */
function codeSignupsBetween(from: SQL, to: SQL) {
  return sql`(SELECT coalesce(sum(d.signups), 0) FROM referral_code_daily d
               WHERE d.referral_code_id = rc.id AND d.day >= ${from} AND d.day <= ${to})`;
}

/**
 * The analytics of one client as one JSON read, from counters and rollups (migration 0010): codes with
 * their counters (referral_code_stats), their signups in the last 30 and 7 UTC days (referral_code_daily)
 * and their direct commission (commission_totals by code, usd; commission_currency_code_totals, 0040, the
 * other currencies); the referrer's total (referrer_stats) and
 * money (commission_totals, by the buckets of commission-buckets.ts; usd) and the other currencies'
 * (referrer_currency_stats, 0036, per currency); the latest 10 referrals by the
 * (referrer_user_id, used_at) index. Nothing here counts history: the cost is the number of codes, days
 * and statuses, whatever the number of referrals and clicks.
 *
 * The windows are whole UTC days: `signups_last_30_days` = the 30 UTC days ending with today (today
 * included), `signups_last_7_days` the 7 ending with today.
 */
export function referralAnalyticsRead(
  clientId: number,
  opts: { now: Date; viewer: Viewer },
): JsonRead<ReferralAnalytics> {
  const last30 = lastDays(opts.now, LAST_30_DAYS);
  const last7 = lastDays(opts.now, 7);
  const query = sql`
    SELECT json_build_object(
      'referrals', coalesce((SELECT s.referrals FROM referrer_stats s WHERE s.user_id = ${clientId}), 0),
      'money', (SELECT row_to_json(b) FROM (
                  SELECT ${rollupBucketColumns("t")} FROM commission_totals t
                   WHERE t.beneficiary_user_id = ${clientId} AND t.level = 'direct') b),
      'codes', (SELECT json_agg(x ORDER BY x.created_at, x.id) FROM (
        SELECT rc.id, rc.code, rc.code_name, rc.created_at, rc.usage_count, rc.usage_limit,
               (rc.is_active AND (rc.expires_at IS NULL OR rc.expires_at > ${timestampParam(opts.now)})
                 AND (rc.usage_limit IS NULL OR rc.usage_count < rc.usage_limit)) AS active,
               coalesce(cs.signups, 0) AS total_signups,
               coalesce(cs.clicks, 0) AS clicks,
               ${codeSignupsBetween(dayLiteral(last30.firstDay), dayLiteral(last30.lastDay))} AS last30,
               ${codeSignupsBetween(dayLiteral(last7.firstDay), dayLiteral(last7.lastDay))} AS last7,
               (SELECT ${sumRollupBucket("earned", "t")} FROM commission_totals t
                 WHERE t.beneficiary_user_id = ${clientId} AND t.level = 'direct'
                   AND t.referral_code_id = rc.id) AS earned,
               (SELECT ${sumRollupBucket("paid", "t")} FROM commission_totals t
                 WHERE t.beneficiary_user_id = ${clientId} AND t.level = 'direct'
                   AND t.referral_code_id = rc.id) AS paid,
               (SELECT json_agg(json_build_object('currency', o.currency, 'cents', o.cents) ORDER BY o.currency)
                  FROM (SELECT t.currency, ${sumRollupBucket("earned", "t")} AS cents
                          FROM commission_currency_code_totals t
                         WHERE t.beneficiary_user_id = ${clientId} AND t.level = 'direct'
                           AND t.referral_code_id = rc.id
                         GROUP BY t.currency) o
                 WHERE o.cents <> 0) AS others
          FROM referral_codes rc
          LEFT JOIN referral_code_stats cs ON cs.referral_code_id = rc.id
         WHERE rc.client_id = ${clientId}) x),
      'others', (SELECT json_agg(o ORDER BY o.currency) FROM (
        SELECT s.currency, ${currencyEarnedCents("s")} AS earned, s.on_hold_cents + s.approved_cents AS unpaid,
               s.paid_cents AS paid
          FROM referrer_currency_stats s
         WHERE s.user_id = ${clientId} AND ${currencyEarnedCents("s")} <> 0) o),
      'recent', (SELECT json_agg(y ORDER BY y.used_at DESC, y.id DESC) FROM (
        SELECT l.id, l.used_at, l.signup_ip, u.email, l.code_used, l.commission_amount_cents, l.commission_eligible,
               (SELECT json_agg(json_build_object('currency', x.currency, 'cents', ${currencyEarnedCents("x")})
                                ORDER BY x.currency)
                  FROM referral_currency_ledger x
                 WHERE x.referral_id = l.id AND ${currencyEarnedCents("x")} <> 0) AS others
          FROM referral_usage_log l JOIN users u ON u.id = l.referred_user_id
         WHERE l.referrer_user_id = ${clientId}
         ORDER BY l.used_at DESC, l.id DESC
         LIMIT 10) y))`;
  const shape = z.object({
    referrals: jsonCol.int,
    money: bucketJson.nullable(),
    codes: jsonCol.list(codeJson),
    others: jsonCol.list(otherCurrencyJson),
    recent: jsonCol.list(recentJson),
  });
  return jsonRead(query, shape, (r) => {
    const money = readCommissionBuckets(r.money ?? undefined);
    const codes: CodeAnalytics[] = r.codes.map((c) => ({
      id: c.id,
      code: c.code,
      code_name: c.code_name,
      created_at: iso(c.created_at),
      usage_count: c.usage_count,
      usage_limit: c.usage_limit,
      total_signups: c.total_signups,
      signups_last_30_days: c.last30,
      signups_last_7_days: c.last7,
      total_commission_earned: centsToDecimal(c.earned),
      commission_paid: centsToDecimal(c.paid),
      clicks: c.clicks,
      conversion_rate: ratio(c.total_signups, c.clicks),
      commission_by_currency: currencyAmountsJson(withBaseCurrency(c.earned, c.others)),
    }));
    const totalClicks = codes.reduce((n, c) => n + c.clicks, 0);
    return {
      codes,
      recent_referrals: r.recent.map((l) => ({
        used_at: iso(l.used_at),
        signup_ip: l.signup_ip,
        referred_user_email: opts.viewer === "admin" ? l.email : maskEmail(l.email),
        referral_code_used: l.code_used,
        commission_amount: centsToDecimal(l.commission_amount_cents),
        commission_eligible: l.commission_eligible,
        commission_by_currency: currencyAmountsJson(withBaseCurrency(l.commission_amount_cents, l.others)),
      })),
      summary: {
        total_codes: codes.length,
        active_codes: r.codes.filter((c) => c.active).length,
        total_referrals: r.referrals,
        signups_last_30_days: codes.reduce((n, c) => n + c.signups_last_30_days, 0),
        total_commission_earned: centsToDecimal(money.earnedCents),
        commission_pending: centsToDecimal(money.unpaidCents),
        commission_paid: centsToDecimal(money.paidCents),
        total_clicks: totalClicks,
        conversion_rate: ratio(r.referrals, totalClicks),
        other_currencies: r.others.map((o) => ({
          currency: o.currency,
          total_commission_earned: centsToDecimal(o.earned, o.currency),
          commission_pending: centsToDecimal(o.unpaid, o.currency),
          commission_paid: centsToDecimal(o.paid, o.currency),
        })),
      },
    };
  });
}

/** GET /api/clients/:id/referral-analytics and the dashboard's headline cards: one statement. */
export function getReferralAnalytics(
  db: DbOrTx,
  clientId: number,
  opts: { now: Date; viewer: Viewer },
): Promise<ReferralAnalytics> {
  return readJson(db, referralAnalyticsRead(clientId, opts));
}

/** `"2025-08"` → [start, end) of that month in UTC. */
export function monthBounds(month: string): { start: Date; end: Date } {
  const [y, m] = month.split("-").map(Number);
  return { start: new Date(Date.UTC(y, m - 1, 1)), end: new Date(Date.UTC(y, m, 1)) };
}

/** The UTC month of a date as `"YYYY-MM"`. */
export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** The last `count` UTC months up to the one of `now`, newest first. */
export function lastMonths(now: Date, count = 12): string[] {
  return Array.from({ length: count }, (_, i) =>
    monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1))),
  );
}

/** A date as a `date` parameter (its UTC day). */
function dayParam(date: Date) {
  return sql`${date.toISOString().slice(0, 10)}::date`;
}

/**
 * `d` (referral_code_daily) restricted to the client's codes, as an index condition: the ids are read
 * first (referral_codes_client_idx) into an array, and the code·day primary key is then searched for
 * `referral_code_id = ANY (ids)` and the day range. Written as `IN (SELECT …)` the planner may instead
 * hash-join a sequential scan of the whole rollup — every code of every referrer — when it guesses the
 * client has many codes (it chose so on the bench database: 28 ms instead of 0.4).
 */
function ofClientCodes(clientId: number) {
  return sql`d.referral_code_id = ANY (ARRAY(SELECT rc.id FROM referral_codes rc WHERE rc.client_id = ${clientId}))`;
}

/** One UTC month of a client, as numbers: what the monthly report and the monthly summary e-mail show. */
export type MonthlyFigures = {
  month: string;
  /** Referrals up to the month's end (or today while it runs). */
  totalReferrals: number;
  /** Signups within the month. */
  newReferrals: number;
  clicks: number;
  /** Direct commissions created in the month, by bucket, in usd (commission_daily holds usd rows). */
  money: CommissionBucketCents;
  /** The same in each other currency earned in the month (commission_currency_daily, 0040), by currency. */
  otherCurrencies: (CommissionBucketCents & { currency: string })[];
  /** The code with most signups in the month (ties: alphabetical); null without a signup. */
  topCode: string | null;
};

/**
 * The figures of one UTC month: referrals up to its end and within it, the direct commissions created in
 * it, the code with most signups in it, and its clicks. A month still running is counted up to today
 * (whole UTC days: nothing is recorded after `now`). The dashboard's monthly report (monthlyReportRead) and
 * the monthly summary e-mail (lib/notifications/monthly-summary.ts) both read this one query.
 *
 * From rollups only: the month's signups and clicks from referral_code_daily (the client's codes, the
 * month's days), its commissions from commission_daily (usd) and commission_currency_daily (0040, the other
 * currencies, one entry each — never added to the usd figures) by the buckets of commission-buckets.ts, and
 * "referrals up to its end" as referrer_stats' total minus the signups of the days after the month —
 * at most a year of days, never a count of the referrals themselves.
 */
export function monthlyFiguresRead(clientId: number, month: string, now: Date): JsonRead<MonthlyFigures> {
  const bounds = monthBounds(month);
  const first = dayParam(bounds.start);
  // The month's last day, or today while it runs.
  const last = dayParam(bounds.end <= now ? new Date(bounds.end.getTime() - DAY_MS) : now);
  const query = sql`
    SELECT json_build_object(
      'total', coalesce((SELECT s.referrals FROM referrer_stats s WHERE s.user_id = ${clientId}), 0)
               - (SELECT coalesce(sum(d.signups), 0) FROM referral_code_daily d
                   WHERE ${ofClientCodes(clientId)} AND d.day > ${last}),
      'new', (SELECT coalesce(sum(d.signups), 0) FROM referral_code_daily d
               WHERE ${ofClientCodes(clientId)} AND d.day >= ${first} AND d.day <= ${last}),
      'clicks', (SELECT coalesce(sum(d.clicks), 0) FROM referral_code_daily d
                  WHERE ${ofClientCodes(clientId)} AND d.day >= ${first} AND d.day <= ${last}),
      'money', (SELECT row_to_json(b) FROM (
                  SELECT ${rollupBucketColumns("t")} FROM commission_daily t
                   WHERE t.beneficiary_user_id = ${clientId} AND t.level = 'direct'
                     AND t.day >= ${first} AND t.day <= ${last}) b),
      'others', (SELECT json_agg(o ORDER BY o.currency) FROM (
                   SELECT t.currency, ${rollupBucketColumns("t")} FROM commission_currency_daily t
                    WHERE t.beneficiary_user_id = ${clientId} AND t.day >= ${first} AND t.day <= ${last}
                      AND t.level = 'direct'
                    GROUP BY t.currency) o),
      'top_code', (SELECT rc.code FROM referral_code_daily d JOIN referral_codes rc ON rc.id = d.referral_code_id
                    WHERE ${ofClientCodes(clientId)} AND d.day >= ${first} AND d.day <= ${last}
                    GROUP BY rc.code HAVING sum(d.signups) > 0
                    ORDER BY sum(d.signups) DESC, rc.code LIMIT 1))`;
  const shape = z.object({
    total: jsonCol.int,
    new: jsonCol.int,
    clicks: jsonCol.int,
    money: bucketJson.nullable(),
    others: jsonCol.list(bucketJson.extend({ currency: jsonCol.text })),
    top_code: jsonCol.nullableText,
  });
  return jsonRead(query, shape, (r) => ({
    month,
    totalReferrals: r.total,
    newReferrals: r.new,
    clicks: r.clicks,
    money: readCommissionBuckets(r.money ?? undefined),
    // A currency whose rows all net to zero in every bucket (a payment refunded in full) still shows: the
    // report lists what happened in the month, like usd's zero figures.
    otherCurrencies: r.others.map((o) => ({ currency: o.currency, ...readCommissionBuckets(o) })),
    topCode: r.top_code,
  }));
}

/** The report for one UTC month (GET /api/clients/:id/referral-analytics?month=, the Earnings page). */
export function monthlyReportRead(clientId: number, month: string, now: Date): JsonRead<MonthlyReport> {
  const figures = monthlyFiguresRead(clientId, month, now);
  return {
    sql: figures.sql,
    parse: (json) => {
      const f = figures.parse(json);
      return {
        period: f.month,
        total_referrals: f.totalReferrals,
        new_referrals: f.newReferrals,
        commission_earned: centsToDecimal(f.money.earnedCents),
        commission_pending: centsToDecimal(f.money.unpaidCents),
        commission_on_hold: centsToDecimal(f.money.onHoldCents),
        commission_approved: centsToDecimal(f.money.approvedCents),
        top_performing_code: f.topCode,
        conversion_rate: ratio(f.newReferrals, f.clicks),
        other_currencies: f.otherCurrencies.map((o) => ({
          currency: o.currency,
          commission_earned: centsToDecimal(o.earnedCents, o.currency),
          commission_pending: centsToDecimal(o.unpaidCents, o.currency),
          commission_on_hold: centsToDecimal(o.onHoldCents, o.currency),
          commission_approved: centsToDecimal(o.approvedCents, o.currency),
        })),
      };
    },
  };
}

export function getMonthlyReport(
  db: DbOrTx,
  clientId: number,
  month: string,
  now: Date,
): Promise<MonthlyReport> {
  return readJson(db, monthlyReportRead(clientId, month, now));
}

export type DailyActivity = { date: string; clicks: number; signups: number };

/**
 * Clicks and signups per UTC day over the last `days` days (lastDays: whole UTC days, today included — the
 * same window as the analytics' `signups_last_30_days`), oldest first, from the code·day rollup of the
 * client's codes.
 */
export function dailyActivityRead(clientId: number, days: number, now: Date): JsonRead<DailyActivity[]> {
  const window = lastDays(now, days);
  const since = window.since;
  const query = sql`
    SELECT json_agg(x) FROM (
      SELECT to_char(d.day, 'YYYY-MM-DD') AS day, sum(d.clicks) AS clicks, sum(d.signups) AS signups
        FROM referral_code_daily d
       WHERE ${ofClientCodes(clientId)}
         AND d.day >= ${dayLiteral(window.firstDay)} AND d.day <= ${dayLiteral(window.lastDay)}
       GROUP BY d.day) x`;
  const shape = jsonCol.list(z.object({ day: jsonCol.text, clicks: jsonCol.int, signups: jsonCol.int }));
  return jsonRead(query, shape, (rows) => {
    const byDate = new Map(rows.map((r) => [r.day, r]));
    return Array.from({ length: days }, (_, i) => {
      const date = new Date(since.getTime() + i * DAY_MS).toISOString().slice(0, 10);
      const row = byDate.get(date);
      return { date, clicks: row?.clicks ?? 0, signups: row?.signups ?? 0 };
    });
  });
}

export function getDailyActivity(
  db: DbOrTx,
  clientId: number,
  days: number,
  now: Date,
): Promise<DailyActivity[]> {
  return readJson(db, dailyActivityRead(clientId, days, now));
}

export type MonthlyCommission = { month: string; signups: number; earnedCents: number };

/**
 * Signups and direct commission earned per UTC month over the last `count` months, oldest first: signups
 * from the code·day rollup, commission from commission_daily (the earned bucket).
 */
export function monthlyCommissionRead(
  clientId: number,
  now: Date,
  count = 12,
): JsonRead<MonthlyCommission[]> {
  const months = lastMonths(now, count).reverse();
  const since = dayParam(monthBounds(months[0]).start);
  const query = sql`
    SELECT json_build_object(
      'earned', (SELECT json_agg(x) FROM (
                   SELECT to_char(t.day, 'YYYY-MM') AS month, ${sumRollupBucket("earned", "t")} AS n
                     FROM commission_daily t
                    WHERE t.beneficiary_user_id = ${clientId} AND t.level = 'direct' AND t.day >= ${since}
                    GROUP BY 1) x),
      'signups', (SELECT json_agg(x) FROM (
                   SELECT to_char(d.day, 'YYYY-MM') AS month, sum(d.signups) AS n
                     FROM referral_code_daily d
                    WHERE ${ofClientCodes(clientId)} AND d.day >= ${since}
                    GROUP BY 1) x))`;
  const series = jsonCol.list(z.object({ month: jsonCol.text, n: jsonCol.count }));
  return jsonRead(query, z.object({ earned: series, signups: series }), (r) => {
    const out = months.map((month) => ({ month, signups: 0, earnedCents: 0 }));
    const byMonth = new Map(out.map((p) => [p.month, p]));
    for (const e of r.earned) {
      const point = byMonth.get(e.month);
      if (point) point.earnedCents = e.n;
    }
    for (const e of r.signups) {
      const point = byMonth.get(e.month);
      if (point) point.signups = e.n;
    }
    return out;
  });
}

export function getMonthlyCommission(
  db: DbOrTx,
  clientId: number,
  now: Date,
  count = 12,
): Promise<MonthlyCommission[]> {
  return readJson(db, monthlyCommissionRead(clientId, now, count));
}

export type SourceSignups = { source: string; signups: number };

/** All-time signups per source (link, e-mail, SMS, WhatsApp, QR, social, …), most first: referrer_source_stats. */
export function signupsBySourceRead(clientId: number): JsonRead<SourceSignups[]> {
  const query = sql`
    SELECT json_agg(x ORDER BY x.signups DESC, x.source) FROM (
      SELECT s.source::text AS source, s.signups FROM referrer_source_stats s
       WHERE s.referrer_user_id = ${clientId} AND s.signups > 0) x`;
  return jsonRead(query, jsonCol.list(z.object({ source: jsonCol.text, signups: jsonCol.int })));
}

export function getSignupsBySource(db: DbOrTx, clientId: number): Promise<SourceSignups[]> {
  return readJson(db, signupsBySourceRead(clientId));
}
