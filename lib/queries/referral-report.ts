import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/types";
import { col, rowsAs } from "@/db/rows";
import type { FraudFlag } from "@/db/schema";
import {
  dateBounds,
  type ReferralReportFilters,
  type ReferralReportSearch,
} from "@/lib/validation/referral-report";
import { referralCurrencyFacts, referralFacts } from "./report-rollups";
import type { CurrencyAmount } from "@/lib/money/currency-amounts";
import {
  currencyEarnedCents,
  otherCurrenciesColumn,
  referralOtherCurrenciesSql,
} from "./referral-currency-amounts";
import {
  referralReportWhere,
  resolveReportFilters,
  type ResolvedReportFilters,
} from "./referral-report-filter";

export type ReportRow = {
  id: number;
  usedAt: string;
  codeUsed: string;
  source: string;
  isFlagged: boolean;
  fraudFlags: FraudFlag[];
  reviewStatus: string;
  commissionEligible: boolean;
  /** The seed's per-referral summary: direct commissions net of reversals, rejected excluded (usd). */
  commissionAmountCents: number;
  /** The same in each other currency the referral paid in (0036), one entry per currency. */
  otherCurrencies: CurrencyAmount[];
  commissionPaid: boolean;
  /** A bit per state of the referral's direct commissions (lib/report-columns.ts commissionStatusLabel). */
  commissionMask: number;
  referrer: { id: number; name: string; email: string } | null;
  referred: { id: number; name: string; email: string };
  campaignName: string | null;
  /** The referral's direct commission rows by status (cents; reversals count negative). */
  ledger: {
    pendingCents: number;
    approvedCents: number;
    paidCents: number;
    reversedCents: number;
    rejectedCents: number;
  };
  cursor: string;
};

export type ReportTotals = {
  referrals: number;
  flagged: number;
  eligible: number;
  commissionPaid: number;
  commissionNetCents: number;
  ledger: ReportRow["ledger"];
  /** The same money in the other currencies (never added to the usd figures above), by currency. */
  otherCurrencies: (ReportRow["ledger"] & { currency: string; netCents: number })[];
};

export type ReportPage = {
  rows: ReportRow[];
  /** Cursor of the first and last row shown, for the previous and next links. */
  prevCursor: string | null;
  nextCursor: string | null;
};

const SORT_COLUMN = {
  signup_date: sql`l.used_at`,
  commission: sql`l.commission_amount_cents`,
} as const;

// The sort value as text: microseconds and UTC kept, so a cursor round-trips exactly (a JS Date would
// lose the microseconds and skip or repeat rows at a page boundary).
const CURSOR_VALUE = {
  signup_date: sql`to_char(l.used_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  commission: sql`l.commission_amount_cents::text`,
} as const;

/**
 * Rows beyond `cursor` in (sort value, id) order. The row comparison alone is estimated as a third of the
 * table (and a prepared statement's generic plan knows no value at all), so the planner may scan it all to
 * find the first (or no) row past the newest one. The plain bound on the sort column and, in the probes,
 * the index's order with LIMIT 1 (a scalar subquery: EXISTS would drop the ORDER BY) make the index range
 * the plan.
 */
function beyondCursor(cursor: string, sort: ReportSort, greater: boolean): SQL {
  const [value, id] = cursor.split("~");
  const typed = sort === "signup_date" ? sql`${value}::timestamptz` : sql`${Number(value)}::bigint`;
  const column = SORT_COLUMN[sort];
  return greater
    ? sql`${column} >= ${typed} AND (${column}, l.id) > (${typed}, ${Number(id)}::bigint)`
    : sql`${column} <= ${typed} AND (${column}, l.id) < (${typed}, ${Number(id)}::bigint)`;
}
type ReportSort = ReferralReportSearch["sort"];

/**
 * One page of the report, keyset-paginated on (sort value, id): each page is an index range scan
 * whatever its depth — no OFFSET. The page's rows are chosen first over `referral_usage_log` alone,
 * then only those rows are joined to users, codes, campaigns and the ledger.
 */
export async function getReportPage(
  db: Db,
  input: ReferralReportSearch | (ReferralReportSearch & ResolvedReportFilters),
): Promise<ReportPage> {
  const search = await resolveReportFilters(db, input);
  const where = referralReportWhere(search);
  const column = SORT_COLUMN[search.sort];
  const backwards = search.before !== undefined;
  // Walking backwards (previous/last page) reads the opposite order, then flips the rows.
  const ascending = (search.dir === "asc") !== backwards;
  const order = ascending ? sql`ASC` : sql`DESC`;
  const cursor = search.after ?? (search.before !== "end" ? search.before : undefined);
  const keyset = cursor ? sql`AND ${beyondCursor(cursor, search.sort, ascending)}` : sql``;

  const rows = rowsAs(
    await db.execute(sql`
      WITH page AS (
        SELECT l.id, l.used_at, l.code_used, l.source, l.is_flagged, l.fraud_flags, l.review_status,
               l.commission_eligible, l.commission_amount_cents, l.commission_paid, l.referral_code_id,
               l.referrer_user_id, l.referred_user_id, l.ledger_on_hold_cents, l.ledger_approved_cents,
               l.ledger_paid_cents, l.ledger_reversed_cents, l.ledger_rejected_cents, l.commission_mask
          FROM referral_usage_log l
         WHERE ${where} ${keyset}
         ORDER BY ${column} ${order}, l.id ${order}
         LIMIT ${search.size}::int
      )
      ${rowSelect(search.sort)}
        FROM page l
        ${rowJoins}
       ORDER BY ${column} ${order}, l.id ${order}`),
    rawRow,
  ).map(mapRow);
  if (backwards) rows.reverse();

  // Neighbours exist when a row lies beyond the first/last one shown (two cheap indexed probes).
  const [hasPrev, hasNext] = rows.length
    ? await Promise.all([
        existsBeyond(db, where, search, rows[0].cursor, "before"),
        existsBeyond(db, where, search, rows[rows.length - 1].cursor, "after"),
      ])
    : [false, false];
  return {
    rows,
    prevCursor: hasPrev ? rows[0].cursor : null,
    nextCursor: hasNext ? rows[rows.length - 1].cursor : null,
  };
}

async function existsBeyond(
  db: Db,
  where: SQL,
  search: ReferralReportSearch,
  cursor: string,
  side: "before" | "after",
): Promise<boolean> {
  const greater = (search.dir === "asc") === (side === "after");
  const [row] = rowsAs(
    await db.execute(sql`
      SELECT coalesce((
        SELECT true FROM referral_usage_log l WHERE ${where} AND ${beyondCursor(cursor, search.sort, greater)}
         ORDER BY ${SORT_COLUMN[search.sort]} ${greater ? sql`ASC` : sql`DESC`}, l.id ${greater ? sql`ASC` : sql`DESC`}
         LIMIT 1
      ), false) AS found`),
    z.object({ found: col.bool }),
  );
  return row.found;
}

/**
 * Counts and sums over every referral the filters select (not just the page): the table's totals row.
 * The ledger sums are the direct commission rows of those referrals, by status.
 */
export async function getReportTotals(
  db: Db,
  input: ReferralReportFilters | ResolvedReportFilters,
): Promise<ReportTotals> {
  const filters = await resolveReportFilters(db, input);
  const bounds = dateBounds(filters);
  // One statement: the usd figures from the report rollups, and the other currencies' from their own
  // rollup (0036), summed per currency.
  const [t] = rowsAs(
    await db.execute(sql`
      SELECT COALESCE(sum(f.referrals), 0)::bigint AS referrals,
             COALESCE(sum(f.referrals) FILTER (WHERE f.is_flagged), 0)::bigint AS flagged,
             COALESCE(sum(f.referrals) FILTER (WHERE f.commission_eligible), 0)::bigint AS eligible,
             COALESCE(sum(f.commission_paid), 0)::bigint AS paid,
             COALESCE(sum(f.net_cents), 0)::bigint AS net_cents,
             COALESCE(sum(f.on_hold_cents), 0)::bigint AS pending_cents,
             COALESCE(sum(f.approved_cents), 0)::bigint AS approved_cents,
             COALESCE(sum(f.paid_cents), 0)::bigint AS paid_cents,
             COALESCE(sum(f.reversed_cents), 0)::bigint AS reversed_cents,
             COALESCE(sum(f.rejected_cents), 0)::bigint AS rejected_cents,
             (SELECT coalesce(json_agg(o ORDER BY o.currency), '[]'::json) FROM (
                SELECT c.currency, sum(${currencyEarnedCents("c")})::bigint AS net_cents,
                       sum(c.on_hold_cents)::bigint AS pending_cents, sum(c.approved_cents)::bigint AS approved_cents,
                       sum(c.paid_cents)::bigint AS paid_cents, sum(c.reversed_cents)::bigint AS reversed_cents,
                       sum(c.rejected_cents)::bigint AS rejected_cents
                  FROM ${referralCurrencyFacts(filters, bounds)} c
                 GROUP BY c.currency) o
               WHERE (o.pending_cents, o.approved_cents, o.paid_cents, o.reversed_cents, o.rejected_cents)
                     <> (0, 0, 0, 0, 0)) AS others
        FROM ${referralFacts(filters, bounds)} f`),
    ledgerSums.extend({
      referrals: col.int,
      flagged: col.int,
      eligible: col.int,
      paid: col.int,
      net_cents: col.cents,
      others: col.json(
        z.array(ledgerSums.extend({ currency: z.string(), net_cents: z.coerce.number().int() })),
      ),
    }),
  );
  return {
    referrals: t.referrals,
    flagged: t.flagged,
    eligible: t.eligible,
    commissionPaid: t.paid,
    commissionNetCents: t.net_cents,
    ledger: readLedgerSums(t),
    otherCurrencies: t.others.map((o) => ({
      currency: o.currency,
      netCents: o.net_cents,
      ...readLedgerSums(o),
    })),
  };
}

// A referral's direct commission rows per money bucket (commission-buckets.ts: on hold = pending, approved,
// paid, reversed, rejected), kept on the referral by a trigger (0012) and summed by the report rollups.
const ledgerSums = z.object({
  pending_cents: col.sumCents,
  approved_cents: col.sumCents,
  paid_cents: col.sumCents,
  reversed_cents: col.sumCents,
  rejected_cents: col.sumCents,
});

function readLedgerSums(r: z.infer<typeof ledgerSums> | undefined): ReportRow["ledger"] {
  return {
    pendingCents: r?.pending_cents ?? 0,
    approvedCents: r?.approved_cents ?? 0,
    paidCents: r?.paid_cents ?? 0,
    reversedCents: r?.reversed_cents ?? 0,
    rejectedCents: r?.rejected_cents ?? 0,
  };
}

const fraudFlags = z.array(z.object({ rule: z.string(), reason: z.string() }) satisfies z.ZodType<FraudFlag>);

const rawRow = ledgerSums.extend({
  id: col.int,
  used_at: col.text,
  cursor: col.text,
  code_used: col.text,
  source: col.text,
  is_flagged: col.bool,
  fraud_flags: col.json(fraudFlags),
  review_status: col.text,
  commission_eligible: col.bool,
  commission_amount_cents: col.cents,
  commission_paid: col.bool,
  commission_mask: col.int,
  referrer_id: col.nullableInt,
  referrer_name: col.nullableText,
  referrer_email: col.nullableText,
  referred_id: col.int,
  referred_name: col.text,
  referred_email: col.text,
  campaign_name: col.nullableText,
  other_currencies: otherCurrenciesColumn,
});

const rowSelect = (sort: ReportSort) => sql`
  SELECT l.id, to_char(l.used_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS used_at,
         ${CURSOR_VALUE[sort]} || '~' || l.id AS cursor, l.code_used, l.source::text AS source,
         l.is_flagged, l.fraud_flags, l.review_status::text AS review_status, l.commission_eligible,
         l.commission_amount_cents, l.commission_paid, l.commission_mask,
         r.id AS referrer_id, r.name AS referrer_name, r.email AS referrer_email,
         d.id AS referred_id, d.name AS referred_name, d.email AS referred_email,
         camp.campaign_name,
         l.ledger_on_hold_cents AS pending_cents, l.ledger_approved_cents AS approved_cents,
         l.ledger_paid_cents AS paid_cents, l.ledger_reversed_cents AS reversed_cents,
         l.ledger_rejected_cents AS rejected_cents, ${referralOtherCurrenciesSql(sql`l.id`)} AS other_currencies`;

const rowJoins = sql`
  JOIN users d ON d.id = l.referred_user_id
  LEFT JOIN users r ON r.id = l.referrer_user_id
  LEFT JOIN referral_codes rc ON rc.id = l.referral_code_id
  LEFT JOIN referral_campaigns camp ON camp.id = rc.campaign_id`;

function mapRow(r: z.infer<typeof rawRow>): ReportRow {
  return {
    id: r.id,
    usedAt: r.used_at,
    cursor: r.cursor,
    codeUsed: r.code_used,
    source: r.source,
    isFlagged: r.is_flagged,
    fraudFlags: r.fraud_flags,
    reviewStatus: r.review_status,
    commissionEligible: r.commission_eligible,
    commissionAmountCents: r.commission_amount_cents,
    otherCurrencies: r.other_currencies,
    commissionPaid: r.commission_paid,
    commissionMask: r.commission_mask,
    referrer:
      r.referrer_id === null
        ? null
        : { id: r.referrer_id, name: r.referrer_name ?? "", email: r.referrer_email ?? "" },
    referred: { id: r.referred_id, name: r.referred_name, email: r.referred_email },
    campaignName: r.campaign_name,
    ledger: readLedgerSums(r),
  };
}

/**
 * The table's page and its totals row for one view. The totals come from the rollups and cost the same
 * for any filter; when they say nothing matches, the page is empty without walking an index for rows
 * that aren't there (a narrow filter over a big referrer's year would otherwise read all of theirs).
 */
export async function getReportView(
  db: Db,
  search: ReferralReportSearch & ResolvedReportFilters,
): Promise<{ page: ReportPage; totals: ReportTotals }> {
  const totals = await getReportTotals(db, search);
  const page = totals.referrals
    ? await getReportPage(db, search)
    : { rows: [], prevCursor: null, nextCursor: null };
  return { page, totals };
}
