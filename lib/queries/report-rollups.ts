import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { idArrayParam, timestampParam } from "@/db/sql-values";
import { commissionStatusBit } from "@/lib/commissions/commission-status-bit";
import { BASE_CURRENCY } from "@/lib/money/currencies";
import { currencyEarnedCents } from "./referral-currency-amounts";
import { userSearchIds } from "./user-search";
import {
  referralClicksWhere,
  referralReportWhere,
  type ResolvedReportFilters,
} from "./referral-report-filter";

// The admin reports read their sums from the rollups of db/migrations/0012_report_rollups.sql: whole UTC
// days from report_daily / earned_daily / click_daily (or their per-code twins when the filters name
// referrers or a campaign), and the part of a period that doesn't cover a whole day (a range given to the
// second) from the raw rows. Each function here returns a derived table with one shape whatever mix
// answers it, so a total, a chart and the headline cards sum the same rows the same way.

export type Period = { from?: Date; toExclusive?: Date };
type Edge = { from: Date; toExclusive: Date };

const DAY_MS = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const startOfDay = (d: Date) => new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS);

/**
 * A period as whole UTC days (`[fromDay, toDay)`, either end open) plus the pieces of partial days at
 * either end. `days` is null when no whole day fits (a period inside one day).
 */
export function splitIntoDays(period: Period): {
  days: { fromDay?: string; toDay?: string } | null;
  edges: Edge[];
} {
  const { from, toExclusive } = period;
  const firstWhole = from
    ? startOfDay(from).getTime() === from.getTime()
      ? from
      : new Date(startOfDay(from).getTime() + DAY_MS)
    : undefined;
  const endWhole = toExclusive ? startOfDay(toExclusive) : undefined;
  if (firstWhole && endWhole && firstWhole.getTime() >= endWhole.getTime()) {
    return { days: null, edges: from && toExclusive && from < toExclusive ? [{ from, toExclusive }] : [] };
  }
  const edges: Edge[] = [];
  if (from && firstWhole && firstWhole.getTime() !== from.getTime())
    edges.push({ from, toExclusive: firstWhole });
  if (toExclusive && endWhole && endWhole.getTime() !== toExclusive.getTime()) {
    edges.push({ from: endWhole, toExclusive });
  }
  return {
    days: {
      fromDay: firstWhole ? isoDay(firstWhole) : undefined,
      toDay: endWhole ? isoDay(endWhole) : undefined,
    },
    edges,
  };
}

/** Whether the filters select by referrer or campaign: then the per-code rollups answer. */
const byCode = (f: ResolvedReportFilters) => f.referrers.kind !== "all" || f.campaign !== undefined;

/** Whether any filter besides dates selects referrals (commissions then count only for those). */
export function selectsReferrals(f: ResolvedReportFilters): boolean {
  return f.commission_status !== "all" || byCode(f) || Boolean(f.flagged) || Boolean(f.source);
}

/** The filters other than dates, as a condition on a rollup row `r` keyed like a referral. */
function keyConditions(f: ResolvedReportFilters, codeLevel: boolean): SQL[] {
  const out: SQL[] = [];
  if (f.commission_status === "eligible") out.push(sql`r.commission_eligible`);
  else if (f.commission_status !== "all") {
    out.push(sql`(r.commission_mask & ${commissionStatusBit(f.commission_status)}::smallint) <> 0`);
  }
  if (f.flagged) out.push(sql`r.is_flagged`);
  if (f.source) out.push(sql`r.source = ${f.source}::referral_source`);
  if (codeLevel) {
    const who = f.referrers;
    if (who.kind === "ids") {
      out.push(
        who.ids.length === 1
          ? sql`r.referrer_user_id = ${who.ids[0]}::int`
          : who.ids.length
            ? sql`r.referrer_user_id = ANY(${idArrayParam(who.ids)})`
            : sql`FALSE`,
      );
    } else if (who.kind === "search") {
      out.push(sql`r.referrer_user_id IN (${userSearchIds(who.text, { codes: true })})`);
    }
    if (f.campaign !== undefined) out.push(campaignCodes(f.campaign));
  }
  return out;
}

const campaignCodes = (campaign: number) =>
  sql`r.referral_code_id IN (SELECT rc.id FROM referral_codes rc WHERE rc.campaign_id = ${campaign}::int)`;

function dayConditions(days: { fromDay?: string; toDay?: string }): SQL[] {
  const out: SQL[] = [];
  if (days.fromDay) out.push(sql`r.day >= ${days.fromDay}::date`);
  if (days.toDay) out.push(sql`r.day < ${days.toDay}::date`);
  return out;
}

const and = (parts: SQL[]) => (parts.length ? sql.join(parts, sql` AND `) : sql`TRUE`);
const utcMidnight = sql`(r.day::timestamp AT TIME ZONE 'UTC')`;

function edgeCondition(column: SQL, edge: Edge): SQL {
  return sql`${column} >= ${timestampParam(edge.from)} AND ${column} < ${timestampParam(edge.toExclusive)}`;
}

/**
 * The referrals the filters select in `period`, summed: a derived table of
 * `(at, source, is_flagged, commission_eligible, referrals, commission_paid, paying, net_cents,
 * on_hold_cents, approved_cents, paid_cents, reversed_cents, rejected_cents)` where `at` is the UTC day
 * (or, on a partial day, the signup time). Sum its columns; group by `at` or `source` for charts.
 */
export function referralFacts(f: ResolvedReportFilters, period: Period): SQL {
  const { days, edges } = splitIntoDays(period);
  const code = byCode(f);
  const parts: SQL[] = [];
  if (days) {
    parts.push(sql`
      SELECT ${utcMidnight} AS at, r.source, r.is_flagged, r.commission_eligible, r.referrals, r.commission_paid,
             r.paying, r.net_cents, r.on_hold_cents, r.approved_cents, r.paid_cents, r.reversed_cents, r.rejected_cents
        FROM ${code ? sql`report_code_daily` : sql`report_daily`} r
       WHERE ${and([...keyConditions(f, code), ...dayConditions(days)])}`);
  }
  const undated = { ...f, start_date: undefined, end_date: undefined };
  for (const edge of edges) {
    parts.push(sql`
      SELECT l.used_at AS at, l.source, l.is_flagged, l.commission_eligible, 1::bigint AS referrals,
             l.commission_paid::int::bigint AS commission_paid, l.paying::int::bigint AS paying,
             l.commission_amount_cents AS net_cents, l.ledger_on_hold_cents AS on_hold_cents,
             l.ledger_approved_cents AS approved_cents, l.ledger_paid_cents AS paid_cents,
             l.ledger_reversed_cents AS reversed_cents, l.ledger_rejected_cents AS rejected_cents
        FROM referral_usage_log l
       WHERE ${referralReportWhere(undated)} AND ${edgeCondition(sql`l.used_at`, edge)}`);
  }
  return unionOrEmpty(
    parts,
    sql`SELECT NULL::timestamptz AS at, NULL::referral_source AS source, false AS is_flagged,
               false AS commission_eligible, 0::bigint AS referrals, 0::bigint AS commission_paid, 0::bigint AS paying,
               0::bigint AS net_cents, 0::bigint AS on_hold_cents, 0::bigint AS approved_cents, 0::bigint AS paid_cents,
               0::bigint AS reversed_cents, 0::bigint AS rejected_cents WHERE FALSE`,
  );
}

/**
 * Earned commission cents (every level, reversals netted, rejected excluded) written in `period`, as
 * `(at, cents)`: every commission when no filter selects referrals, otherwise those of the selected
 * referrals (filters other than dates). The base currency (usd) only, as its rollups; the other
 * currencies are earnedCurrencyFacts's.
 */
export function earnedFacts(f: ResolvedReportFilters, period: Period): SQL {
  const { days, edges } = splitIntoDays(period);
  const selective = selectsReferrals(f);
  const code = byCode(f);
  const parts: SQL[] = [];
  if (days) {
    const keys = selective ? [...(code ? [] : [sql`r.with_referral`]), ...keyConditions(f, code)] : [];
    parts.push(sql`
      SELECT ${utcMidnight} AS at, r.cents
        FROM ${code ? sql`earned_code_daily` : sql`earned_daily`} r
       WHERE ${and([...keys, ...dayConditions(days)])}`);
  }
  const undated = { ...f, start_date: undefined, end_date: undefined };
  for (const edge of edges) {
    parts.push(sql`
      SELECT c.created_at AS at, c.amount_cents AS cents
        FROM commissions c
       WHERE c.status <> 'rejected' AND c.currency = ${BASE_CURRENCY} AND ${edgeCondition(sql`c.created_at`, edge)}
         ${selective ? sql`AND c.referral_id IN (SELECT l.id FROM referral_usage_log l WHERE ${referralReportWhere(undated)})` : sql``}`);
  }
  return unionOrEmpty(parts, sql`SELECT NULL::timestamptz AS at, 0::bigint AS cents WHERE FALSE`);
}

/**
 * The selected referrals' direct commissions in the other currencies (not usd), summed like
 * referralFacts's money: a derived table of `(currency, on_hold_cents, approved_cents, paid_cents,
 * reversed_cents, rejected_cents)` from report_currency_daily (0036, keyed like report_code_daily plus a
 * currency) and, on a partial day, the referrals' referral_currency_ledger rows. Group by currency: amounts
 * of two currencies are never added.
 */
export function referralCurrencyFacts(f: ResolvedReportFilters, period: Period): SQL {
  const { days, edges } = splitIntoDays(period);
  const parts: SQL[] = [];
  if (days) {
    parts.push(sql`
      SELECT r.currency, r.on_hold_cents, r.approved_cents, r.paid_cents, r.reversed_cents, r.rejected_cents
        FROM report_currency_daily r
       WHERE ${and([...keyConditions(f, true), ...dayConditions(days)])}`);
  }
  const undated = { ...f, start_date: undefined, end_date: undefined };
  for (const edge of edges) {
    parts.push(sql`
      SELECT x.currency, x.on_hold_cents, x.approved_cents, x.paid_cents, x.reversed_cents, x.rejected_cents
        FROM referral_currency_ledger x JOIN referral_usage_log l ON l.id = x.referral_id
       WHERE ${referralReportWhere(undated)} AND ${edgeCondition(sql`l.used_at`, edge)}`);
  }
  return unionOrEmpty(
    parts,
    sql`SELECT NULL::text AS currency, 0::bigint AS on_hold_cents, 0::bigint AS approved_cents,
               0::bigint AS paid_cents, 0::bigint AS reversed_cents, 0::bigint AS rejected_cents WHERE FALSE`,
  );
}

/**
 * earnedFacts for the other currencies, as `(at, currency, cents)`: from earned_currency_daily (0036) and,
 * on a partial day, the commissions themselves.
 */
export function earnedCurrencyFacts(f: ResolvedReportFilters, period: Period): SQL {
  const { days, edges } = splitIntoDays(period);
  const selective = selectsReferrals(f);
  const parts: SQL[] = [];
  if (days) {
    const keys = selective ? [sql`r.with_referral`, ...keyConditions(f, true)] : [];
    parts.push(sql`
      SELECT ${utcMidnight} AS at, r.currency, r.cents
        FROM earned_currency_daily r
       WHERE ${and([...keys, ...dayConditions(days)])}`);
  }
  const undated = { ...f, start_date: undefined, end_date: undefined };
  for (const edge of edges) {
    parts.push(sql`
      SELECT c.created_at AS at, c.currency, c.amount_cents AS cents
        FROM commissions c
       WHERE c.status <> 'rejected' AND c.currency <> ${BASE_CURRENCY} AND ${edgeCondition(sql`c.created_at`, edge)}
         ${selective ? sql`AND c.referral_id IN (SELECT l.id FROM referral_usage_log l WHERE ${referralReportWhere(undated)})` : sql``}`);
  }
  return unionOrEmpty(
    parts,
    sql`SELECT NULL::timestamptz AS at, NULL::text AS currency, 0::bigint AS cents WHERE FALSE`,
  );
}

/**
 * Clicks in `period` as `(at, clicks)`, as far as the filters apply to a click: its source, and the
 * campaign and owner of its code (commission and flag filters say nothing about clicks).
 */
export function clickFacts(f: ResolvedReportFilters, period: Period): SQL {
  const { days, edges } = splitIntoDays(period);
  const code = byCode(f);
  const parts: SQL[] = [];
  if (days) {
    const keys: SQL[] = [];
    if (f.source) keys.push(sql`r.source = ${f.source}::referral_source`);
    if (code) {
      if (f.campaign !== undefined) keys.push(campaignCodes(f.campaign));
      const who = f.referrers;
      if (who.kind === "ids") {
        keys.push(
          who.ids.length
            ? sql`r.referral_code_id IN (SELECT rc.id FROM referral_codes rc WHERE rc.client_id = ANY(${idArrayParam(who.ids)}))`
            : sql`FALSE`,
        );
      } else if (who.kind === "search") {
        keys.push(
          sql`r.referral_code_id IN (SELECT rc.id FROM referral_codes rc WHERE rc.client_id IN (${userSearchIds(who.text, { codes: true })}))`,
        );
      }
    }
    parts.push(sql`
      SELECT ${utcMidnight} AS at, r.clicks
        FROM ${code ? sql`click_code_daily` : sql`click_daily`} r
       WHERE ${and([...keys, ...dayConditions(days)])}`);
  }
  for (const edge of edges) {
    parts.push(sql`
      SELECT k.clicked_at AS at, 1::bigint AS clicks
        FROM referral_clicks k
       WHERE ${referralClicksWhere(f, edge)}`);
  }
  return unionOrEmpty(parts, sql`SELECT NULL::timestamptz AS at, 0::bigint AS clicks WHERE FALSE`);
}

function unionOrEmpty(parts: SQL[], empty: SQL): SQL {
  if (!parts.length) return sql`(${empty})`;
  return sql`(${sql.join(parts, sql` UNION ALL `)})`;
}

/** No filter at all: the whole program (the headline cards, the top referrers). */
export const WHOLE_PROGRAM: ResolvedReportFilters = {
  commission_status: "all",
  flagged: false,
  referrers: { kind: "all" },
};

/**
 * Referrals per code in `period` (every referrer), as `(referral_code_id, referrals, net_cents)`, from the
 * per-code rollup and, for a partial day, the raw rows. Referrals without a code are left out.
 */
export function referralFactsByCode(period: Period): SQL {
  const { days, edges } = splitIntoDays(period);
  const parts: SQL[] = [];
  if (days) {
    parts.push(sql`
      SELECT r.referral_code_id, r.referrals, r.net_cents
        FROM report_code_daily r
       WHERE ${and([sql`r.referral_code_id <> 0`, ...dayConditions(days)])}`);
  }
  for (const edge of edges) {
    parts.push(sql`
      SELECT l.referral_code_id, 1::bigint AS referrals, l.commission_amount_cents AS net_cents
        FROM referral_usage_log l
       WHERE l.referral_code_id IS NOT NULL AND ${edgeCondition(sql`l.used_at`, edge)}`);
  }
  return unionOrEmpty(
    parts,
    sql`SELECT 0 AS referral_code_id, 0::bigint AS referrals, 0::bigint AS net_cents WHERE FALSE`,
  );
}

/**
 * referralFactsByCode's money in the other currencies (not usd): `(referral_code_id, currency, net_cents)`
 * for the referrals signed up in `period` (every referrer), from report_currency_daily (0036) and, for a
 * partial day, referral_currency_ledger. Net = the earned bucket (referral-currency-amounts.ts). Group by
 * currency: amounts of two currencies are never added.
 */
export function referralCurrencyFactsByCode(period: Period): SQL {
  const { days, edges } = splitIntoDays(period);
  const parts: SQL[] = [];
  if (days) {
    parts.push(sql`
      SELECT r.referral_code_id, r.currency, ${currencyEarnedCents("r")} AS net_cents
        FROM report_currency_daily r
       WHERE ${and([sql`r.referral_code_id <> 0`, ...dayConditions(days)])}`);
  }
  for (const edge of edges) {
    parts.push(sql`
      SELECT l.referral_code_id, x.currency, ${currencyEarnedCents("x")} AS net_cents
        FROM referral_currency_ledger x JOIN referral_usage_log l ON l.id = x.referral_id
       WHERE l.referral_code_id IS NOT NULL AND ${edgeCondition(sql`l.used_at`, edge)}`);
  }
  return unionOrEmpty(
    parts,
    sql`SELECT 0 AS referral_code_id, NULL::text AS currency, 0::bigint AS net_cents WHERE FALSE`,
  );
}
