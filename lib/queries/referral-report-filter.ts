import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/types";
import { col, rowsAs } from "@/db/rows";
import { idArrayParam, timestampParam } from "@/db/sql-values";
import { dateBounds, type ReferralReportFilters } from "@/lib/validation/referral-report";
import { commissionStatusBit } from "@/lib/commissions/commission-status-bit";
import { userSearchIds } from "./user-search";

/**
 * The one definition of "the referrals these filters select", as a WHERE condition on
 * `referral_usage_log l`. The /admin table, its totals row, the charts' date range and the export all
 * build on it, so a filtered view and its export can never disagree.
 *
 * Every condition is on `l` itself or a subquery, so counts need no joins and the planner can walk the
 * `(used_at, id)` index for date ranges and keyset pages.
 *
 * - dates: `used_at` in `[start, end)`; a date-only end includes that whole UTC day;
 * - `commission_status`: `eligible` is the seed's `commission_eligible`; `pending`, `approved`, `paid`,
 *   `reversed` and `rejected` mean the referral has a direct commission row (earning or reversal) in that
 *   status (its `commission_mask`), so a referral with one paid and one pending payment matches both;
 * - `campaign`: the code used belongs to that campaign;
 * - `referrer`: the referrer's name or e-mail contains the text, or they own a code that starts with it
 *   (compared in canonical form, so `maya-2o25` finds MAYA2025);
 * - `flagged`: only referrals a fraud rule flagged; `source`: where the signup came from.
 *
 * The referrer text is resolved to ids once per request by `resolveReportFilters`, so the people search
 * runs once per page view, not in every statement (page, probes, totals, charts, export count).
 */
export function referralReportWhere(filters: ResolvedReportFilters): SQL {
  return sql.join([sql`TRUE`, ...reportConditions(filters)], sql` AND `);
}

/** Whether the filters select every referral (no condition at all): the export then skips narrowing joins. */
export function selectsEveryReferral(filters: ResolvedReportFilters): boolean {
  return reportConditions(filters).length === 0;
}

function reportConditions(filters: ResolvedReportFilters): SQL[] {
  const conditions: SQL[] = [];
  const { from, toExclusive } = dateBounds(filters);
  if (from) conditions.push(sql`l.used_at >= ${timestampParam(from)}`);
  if (toExclusive) conditions.push(sql`l.used_at < ${timestampParam(toExclusive)}`);

  const status = filters.commission_status;
  if (status === "eligible") conditions.push(sql`l.commission_eligible`);
  else if (status !== "all") {
    // The referral's mask has a bit per status of its direct commissions (kept by a trigger, 0012).
    conditions.push(sql`(l.commission_mask & ${commissionStatusBit(status)}::smallint) <> 0`);
  }

  if (filters.campaign !== undefined) {
    conditions.push(
      sql`l.referral_code_id IN (SELECT rc.id FROM referral_codes rc WHERE rc.campaign_id = ${filters.campaign}::int)`,
    );
  }

  const referrers = referrerCondition(filters.referrers, sql`l.referrer_user_id`);
  if (referrers) conditions.push(referrers);

  if (filters.flagged) conditions.push(sql`l.is_flagged`);
  if (filters.source) conditions.push(sql`l.source = ${filters.source}::referral_source`);
  return conditions;
}

/**
 * The same selection for `referral_clicks k`, as far as it applies to a click: its date, source, the
 * campaign of its code and the code's owner. Commission and flag filters say nothing about clicks.
 */
export function referralClicksWhere(
  filters: ResolvedReportFilters,
  range?: { from: Date; toExclusive: Date },
): SQL {
  const conditions: SQL[] = [sql`TRUE`];
  const { from, toExclusive } = range ?? dateBounds(filters);
  if (from) conditions.push(sql`k.clicked_at >= ${timestampParam(from)}`);
  if (toExclusive) conditions.push(sql`k.clicked_at < ${timestampParam(toExclusive)}`);
  if (filters.source) conditions.push(sql`k.source = ${filters.source}::referral_source`);
  if (filters.campaign !== undefined) {
    conditions.push(
      sql`k.referral_code_id IN (SELECT rc.id FROM referral_codes rc WHERE rc.campaign_id = ${filters.campaign}::int)`,
    );
  }
  const referrers = referrerCondition(filters.referrers, sql`rc.client_id`);
  if (referrers) {
    conditions.push(sql`k.referral_code_id IN (SELECT rc.id FROM referral_codes rc WHERE ${referrers})`);
  }
  return sql.join(conditions, sql` AND `);
}

/**
 * Who the referrer filter selects, decided once per request:
 * - `all`: no referrer filter;
 * - `ids`: exactly these users matched the text (empty: nobody did, and every statement is `FALSE`);
 * - `search`: the text matched more than `MAX_RESOLVED_REFERRERS` people (a one- or two-letter search),
 *   so each statement keeps the search as a subquery instead of carrying a huge id list.
 */
export type ReferrerSelection =
  { kind: "all" } | { kind: "ids"; ids: number[] } | { kind: "search"; text: string };

export type ResolvedReportFilters = ReferralReportFilters & { readonly referrers: ReferrerSelection };

export const MAX_RESOLVED_REFERRERS = 1_000;

/**
 * The filters with the referrer text resolved to user ids by one (trigram-indexed) query. Pass the result
 * to every query of one page view or export; already resolved filters are returned as they are.
 */
export async function resolveReportFilters<F extends ReferralReportFilters>(
  db: Db,
  filters: F | (F & ResolvedReportFilters),
): Promise<F & ResolvedReportFilters> {
  if ("referrers" in filters) return filters as F & ResolvedReportFilters;
  const text = filters.referrer;
  if (!text) return { ...filters, referrers: { kind: "all" } };
  const ids = rowsAs(
    await db.execute(
      sql`SELECT m.id FROM (${matchingReferrers(text)}) m LIMIT ${MAX_RESOLVED_REFERRERS + 1}::int`,
    ),
    z.object({ id: col.int }),
  )
    .map((r) => r.id)
    .sort((a, b) => a - b);
  const referrers: ReferrerSelection =
    ids.length > MAX_RESOLVED_REFERRERS ? { kind: "search", text } : { kind: "ids", ids };
  return { ...filters, referrers };
}

/** The referrer selection as a condition on a user id column, or null when it selects everyone. */
function referrerCondition(selection: ReferrerSelection, userId: SQL): SQL | null {
  switch (selection.kind) {
    case "all":
      return null;
    case "ids":
      // Nobody matched: a constant FALSE, which the planner answers without reading a row.
      if (!selection.ids.length) return sql`FALSE`;
      // One referrer (the usual search) as a plain equality: the (referrer, used_at) index then gives the
      // rows in date order and a page stops after its rows; `= ANY` would read all of theirs and sort.
      if (selection.ids.length === 1) return sql`${userId} = ${selection.ids[0]}::int`;
      return sql`${userId} = ANY(${idArrayParam(selection.ids)})`;
    case "search":
      return sql`${userId} IN (${matchingReferrers(selection.text)})`;
  }
}

/** Ids of referrers whose name or e-mail contains `text`, or who own a code that starts with it. */
function matchingReferrers(text: string): SQL {
  return userSearchIds(text, { codes: true });
}
