import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { timestampParam } from "@/db/sql-values";
import { dateBounds, type ReferralReportFilters } from "@/lib/validation/referral-report";
import { userSearchCondition } from "./user-search";

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
 *   status — EXISTS, so a referral with one paid and one pending payment matches both;
 * - `campaign`: the code used belongs to that campaign;
 * - `referrer`: the referrer's name or e-mail contains the text, or they own a code that starts with it
 *   (compared in canonical form, so `maya-2o25` finds MAYA2025);
 * - `flagged`: only referrals a fraud rule flagged; `source`: where the signup came from.
 */
export function referralReportWhere(filters: ReferralReportFilters): SQL {
  const conditions: SQL[] = [sql`TRUE`];
  const { from, toExclusive } = dateBounds(filters);
  if (from) conditions.push(sql`l.used_at >= ${timestampParam(from)}`);
  if (toExclusive) conditions.push(sql`l.used_at < ${timestampParam(toExclusive)}`);

  const status = filters.commission_status;
  if (status === "eligible") conditions.push(sql`l.commission_eligible`);
  else if (status !== "all") {
    conditions.push(sql`EXISTS (
      SELECT 1 FROM commissions c
       WHERE c.referral_id = l.id AND c.level = 'direct' AND c.status = ${status}::commission_status)`);
  }

  if (filters.campaign !== undefined) {
    conditions.push(
      sql`l.referral_code_id IN (SELECT rc.id FROM referral_codes rc WHERE rc.campaign_id = ${filters.campaign}::int)`,
    );
  }

  if (filters.referrer) conditions.push(sql`l.referrer_user_id IN (${matchingReferrers(filters.referrer)})`);

  if (filters.flagged) conditions.push(sql`l.is_flagged`);
  if (filters.source) conditions.push(sql`l.source = ${filters.source}::referral_source`);

  return sql.join(conditions, sql` AND `);
}

/**
 * The same selection for `referral_clicks k`, as far as it applies to a click: its date, source, the
 * campaign of its code and the code's owner. Commission and flag filters say nothing about clicks.
 */
export function referralClicksWhere(
  filters: ReferralReportFilters,
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
  if (filters.referrer) {
    conditions.push(
      sql`k.referral_code_id IN (SELECT rc.id FROM referral_codes rc WHERE rc.client_id IN (${matchingReferrers(filters.referrer)}))`,
    );
  }
  return sql.join(conditions, sql` AND `);
}

/** Ids of referrers whose name or e-mail contains `text`, or who own a code starting with it. */
function matchingReferrers(text: string): SQL {
  return sql`SELECT u.id FROM users u WHERE ${userSearchCondition(text, { codes: true })}`;
}
