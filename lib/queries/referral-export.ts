import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/types";
import { copyOut, type CopiedRows, type CopyProbe } from "@/db/copy-out";
import { col, rowsAs } from "@/db/rows";
import { centsToDecimal } from "@/lib/format";
import { MINOR_UNITS } from "@/lib/money/currencies";
import {
  COMMISSION_STATUS_LABELS,
  commissionStatusLabel,
  NO_COMMISSION_LABEL,
  reviewLabel,
  type ReportColumnId,
} from "@/lib/report-columns";
import type { ReferralReportFilters, ReportOrder } from "@/lib/validation/referral-report";
import {
  referralReportWhere,
  resolveReportFilters,
  selectsEveryReferral,
  type ResolvedReportFilters,
} from "./referral-report-filter";
import { currencyEarnedCents } from "./referral-currency-amounts";

/** One referral as the seed's export shows it (seed fields first, in the seed's order), plus context. */
export type ExportReferral = {
  referral_code: string;
  referrer_email: string | null;
  referred_email: string;
  signup_date: string;
  commission_amount: string;
  commission_eligible: boolean;
  commission_paid: boolean;
  subscription_tier: string | null;
  signup_ip: string | null;
  referral_id: number;
  referrer_name: string | null;
  referred_name: string;
  source: string;
  flagged: boolean;
  /** The table's columns beyond the seed's fields (exported when the view chooses them). */
  campaign: string | null;
  commission_status: string;
  review: string;
  /**
   * The referral's direct commission in the currencies other than usd (`commission_amount` is usd), as
   * "EUR 3.99; JPY 500" (code, then the decimal in that currency's minor units; sorted by code), or null.
   */
  commission_other_currencies: string | null;
};

/** A field the export can write: the seed's, or one of the table's columns (the same names). */
export type ExportField = (typeof EXPORT_FIELDS)[number] | ReportColumnId;

export const EXPORT_FIELDS = [
  "referral_code",
  "referrer_email",
  "referred_email",
  "signup_date",
  "commission_amount",
  "commission_eligible",
  "commission_paid",
  "subscription_tier",
  "signup_ip",
  "referral_id",
  "referrer_name",
  "referred_name",
  "source",
  "flagged",
  "commission_other_currencies",
] as const satisfies readonly (keyof ExportReferral)[];

export const EXPORT_BATCH_SIZE = 2_000;

export type ExportFormat = "csv" | "json";

/** The table's default order, and so the export's: newest signups first. */
export const DEFAULT_EXPORT_ORDER: ReportOrder = { sort: "signup_date", dir: "desc" };

/** How many referrals the filters select (for `total_records` and the download's progress). */
export async function countReportReferrals(
  db: Db,
  input: ReferralReportFilters | ResolvedReportFilters,
): Promise<number> {
  const where = referralReportWhere(await resolveReportFilters(db, input));
  const [row] = rowsAs(
    await db.execute(sql`SELECT count(*)::bigint AS n FROM referral_usage_log l WHERE ${where}`),
    z.object({ n: col.int }),
  );
  return row.n;
}

/**
 * Every referral the filters select, in the table's order (`order`: by signup time or commission, then id,
 * newest first by default), in keyset batches over (sort value, id): each batch is one bounded query that starts where the last one ended, so memory stays bounded
 * whatever the row count, and it works the same on PGlite and PostgreSQL (no server cursor, no long
 * transaction holding the embedded database's only connection).
 *
 * Set-based per batch: the referred users' current tier (their latest subscription) is found by one
 * DISTINCT ON over the batch's users' subscriptions, joined once — not a sorted lookup per row.
 *
 * One batch ahead: the query for the next batch is sent before the current one is handed to the caller,
 * so the database works while the caller encodes and writes. At most two batches are held (the one
 * handed out and the one being read). On PGlite the prefetch simply queues on its one connection.
 */
export async function* readExportBatches(
  db: Db,
  filters: ReferralReportFilters | ResolvedReportFilters,
  batchSize = EXPORT_BATCH_SIZE,
  order: ReportOrder = DEFAULT_EXPORT_ORDER,
): AsyncGenerator<ExportReferral[]> {
  const where = referralReportWhere(await resolveReportFilters(db, filters));
  const read = async (cursor: { value: string; id: number } | null) =>
    rowsAs(await db.execute(exportBatchSql(where, cursor, batchSize, order)), rawExportRow);
  let pending = read(null);
  try {
    for (;;) {
      const rows = await pending;
      if (!rows.length) return;
      const more = rows.length >= batchSize;
      if (more) {
        const last = rows[rows.length - 1];
        pending = read({ value: last.cursor_value, id: last.id });
        // Handled when awaited; this only keeps an abandoned prefetch from being an unhandled rejection.
        pending.catch(() => {});
      }
      yield rows.map(toExportReferral);
      if (!more) return;
    }
  } finally {
    // A caller that stops early (download cancelled) leaves at most one query in flight: let it finish
    // before the generator reports done, so nothing runs on the connection after the export ended.
    await pending.catch(() => {});
  }
}

// The sort columns of the table's two orders, and each one's value as exact text for the next batch's
// cursor (microseconds kept: a JavaScript Date would lose them and repeat or skip rows at a boundary).
const ORDER_COLUMN = { signup_date: sql`used_at`, commission: sql`commission_amount_cents` } as const;
const CURSOR_TEXT = {
  signup_date: sql`to_char(l.used_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  commission: sql`l.commission_amount_cents::text`,
} as const;
const CURSOR_TYPE = { signup_date: sql`timestamptz`, commission: sql`bigint` } as const;

/** `ORDER BY` of the table's order over a row alias (`l`, `x`), ties broken by id the same way. */
export function exportOrderBy(alias: SQL, order: ReportOrder): SQL {
  const dir = order.dir === "asc" ? sql`ASC` : sql`DESC`;
  return sql`${alias}.${ORDER_COLUMN[order.sort]} ${dir}, ${alias}.id ${dir}`;
}

function exportBatchSql(
  where: SQL,
  cursor: { value: string; id: number } | null,
  batchSize: number,
  order: ReportOrder,
): SQL {
  const column = sql`l.${ORDER_COLUMN[order.sort]}`;
  const beyond = order.dir === "asc" ? sql`>` : sql`<`;
  const after = cursor
    ? sql`AND (${column}, l.id) ${beyond} (${cursor.value}::${CURSOR_TYPE[order.sort]}, ${cursor.id}::bigint)`
    : sql``;
  return sql`
    WITH batch AS MATERIALIZED (
      SELECT l.id, l.used_at, l.code_used, l.signup_ip, l.source, l.is_flagged, l.commission_eligible,
             l.commission_paid, l.commission_amount_cents, l.referrer_user_id, l.referred_user_id,
             l.referral_code_id, l.commission_mask, l.review_status, ${CURSOR_TEXT[order.sort]} AS cursor_value
        FROM referral_usage_log l
       WHERE ${where} ${after}
       ORDER BY ${exportOrderBy(sql`l`, order)}
       LIMIT ${batchSize}::int
    ),
    tier AS (
      SELECT DISTINCT ON (s.user_id) s.user_id, t.name
        FROM subscriptions s JOIN subscription_tiers t ON t.id = s.tier_id
       WHERE s.user_id IN (SELECT referred_user_id FROM batch)
       ORDER BY s.user_id, s.created_at DESC, s.id DESC
    )
    SELECT l.id, l.cursor_value,
           to_char(l.used_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS signup_date,
           l.code_used, l.signup_ip, l.source::text AS source, l.is_flagged,
           l.commission_eligible, l.commission_paid, l.commission_amount_cents,
           l.commission_mask, l.review_status::text AS review_status,
           r.email AS referrer_email, r.name AS referrer_name,
           d.email AS referred_email, d.name AS referred_name,
           tier.name AS subscription_tier, camp.campaign_name, oc.other_currencies
      FROM batch l
      JOIN users d ON d.id = l.referred_user_id
      LEFT JOIN users r ON r.id = l.referrer_user_id
      LEFT JOIN tier ON tier.user_id = l.referred_user_id
      LEFT JOIN ${otherCurrencies(sql`SELECT id FROM batch`)} oc ON oc.referral_id = l.id
      LEFT JOIN referral_codes rc ON rc.id = l.referral_code_id
      LEFT JOIN referral_campaigns camp ON camp.id = rc.campaign_id
     ORDER BY ${exportOrderBy(sql`l`, order)}`;
}

const rawExportRow = z.object({
  id: col.int,
  cursor_value: col.text,
  signup_date: col.text,
  code_used: col.text,
  signup_ip: col.nullableText,
  source: col.text,
  is_flagged: col.bool,
  commission_eligible: col.bool,
  commission_paid: col.bool,
  commission_amount_cents: col.cents,
  referrer_email: col.nullableText,
  referrer_name: col.nullableText,
  referred_email: col.text,
  referred_name: col.text,
  subscription_tier: col.nullableText,
  campaign_name: col.nullableText,
  commission_mask: col.int,
  review_status: col.text,
  other_currencies: col.nullableText,
});

function toExportReferral(r: z.infer<typeof rawExportRow>): ExportReferral {
  return {
    referral_code: r.code_used,
    referrer_email: r.referrer_email,
    referred_email: r.referred_email,
    signup_date: r.signup_date,
    commission_amount: centsToDecimal(r.commission_amount_cents),
    commission_eligible: r.commission_eligible,
    commission_paid: r.commission_paid,
    subscription_tier: r.subscription_tier,
    signup_ip: r.signup_ip,
    referral_id: r.id,
    referrer_name: r.referrer_name,
    referred_name: r.referred_name,
    source: r.source,
    flagged: r.is_flagged,
    campaign: r.campaign_name,
    commission_status: commissionStatusLabel(r.commission_mask),
    review: reviewLabel({
      isFlagged: r.is_flagged,
      reviewStatus: r.review_status,
      commissionEligible: r.commission_eligible,
    }),
    commission_other_currencies: r.other_currencies,
  };
}

/** A row with just these fields, in this order (JSON keys follow insertion order). */
export function pickExportFields(
  row: ExportReferral,
  fields: readonly ExportField[],
): Record<string, ExportReferral[ExportField]> {
  const out: Record<string, ExportReferral[ExportField]> = {};
  for (const f of fields) out[f] = row[f];
  return out;
}

/**
 * On PostgreSQL: every referral the filters select, in the table's order, as the download's bytes (the
 * given fields in their order), from
 * one `COPY … TO STDOUT` that encodes in the server (db/copy-out.ts streams it with backpressure). The
 * server plans the selection once — hash joins and one sort instead of an index walk per batch — and no
 * row becomes a JavaScript object. Null on PGlite (no streaming COPY): use `readExportBatches` there.
 *
 * The bytes are exactly what the JavaScript encoders write from `readExportBatches` (lib/csv.ts
 * `csvLines`, `JSON.stringify`); referral-export-equivalence.test.ts holds them equal:
 * - CSV: COPY's own CSV writer quotes a field exactly when it holds a comma, quote, CR or LF and doubles
 *   quotes, as csvField does. The cells come neutralised against formulas, booleans as `true`/`false`,
 *   and an empty text as NULL (COPY would quote an empty string; NULL is written empty). COPY ends
 *   records with LF; copyOut turns record ends (not line breaks inside quotes) into CRLF.
 * - JSON: each row is `,\n` and the object with the seed's keys in EXPORT_FIELDS order, concatenated
 *   from each value's JSON text (compact, like JSON.stringify; text through to_json, which escapes
 *   exactly as JSON.stringify does: quote, backslash and controls as \b \f \n \r \t or \u00xx). The
 *   caller drops the comma before the first row.
 *
 * Why concatenation and not row_to_json: the database's share is most of the export's cost, and
 * row_to_json builds a composite row and looks up every column's output function for every row; each
 * value here is written by the cheapest expression that gives the same text (see exportValues).
 */
export function copyExportRuns(
  db: Db,
  filters: ResolvedReportFilters,
  format: ExportFormat,
  fields: readonly ExportField[] = EXPORT_FIELDS,
  order: ReportOrder = DEFAULT_EXPORT_ORDER,
): AsyncGenerator<CopiedRows> | null {
  const where = referralReportWhere(filters);
  // The other currencies are joined only when the file has their column and some referral has a row in
  // referral_currency_ledger (0036 writes non-usd commissions only): for a usd-only program the join
  // would probe an empty hash once per exported row for nothing (~6% of a million-row export). Asked in
  // the COPY's own snapshot (copyOut), so a commission written meanwhile is either in both or in neither.
  const selection = async (probe: CopyProbe) =>
    exportRows(where, {
      everyReferral: selectsEveryReferral(filters),
      otherCurrencies:
        fields.includes("commission_other_currencies") &&
        (await probe(sql`SELECT 1 AS one FROM referral_currency_ledger LIMIT 1`)).length > 0,
    });
  if (format === "csv") {
    // The cells are about as wide as the columns they come from, so they are encoded below the sort, by
    // the parallel workers that join and sort (a flattened subquery: its target list is the sort's input).
    const cells = fields.map((f) => exportValues[f].csv);
    return copyOut(
      db,
      async (probe) =>
        sql`SELECT ${sql.join(cells, sql`, `)} FROM (${await selection(probe)}) x ORDER BY ${exportOrderBy(sql`x`, order)}`,
      "csv",
    );
  }
  // A JSON line is about three times as wide as its columns: sorting the narrow rows first (a subquery
  // with ORDER BY is not flattened) keeps the sort small, and the lines are built above it.
  const sorted = async (probe: CopyProbe) =>
    sql`SELECT * FROM (${await selection(probe)}) s ORDER BY ${exportOrderBy(sql`s`, order)}`;
  // The keys are constants (inlined as literals by copyOut), each value's JSON text between them.
  const members = fields.map(
    (f, i) => sql`${`${i ? "," : ",\n{"}${JSON.stringify(f)}:`}::text || ${exportValues[f].json}`,
  );
  return copyOut(
    db,
    async (probe) => sql`SELECT ${sql.join(members, sql` || `)} || '}' FROM (${await sorted(probe)}) x`,
    "lines",
  );
}

/** JSON text of a text value; `null` for NULL (to_json of NULL is NULL, and one NULL would void the line). */
const jsonText = (value: SQL) => sql`coalesce(to_json(${value})::text, 'null')`;
/** JSON text of a text that never needs escaping (an enum, a formatted number or date): just quoted. */
const jsonPlain = (value: SQL) => sql`'"' || ${value} || '"'`;

/** lib/report-columns.ts `commissionStatusLabel` in SQL: the names of the mask's bits, or "None yet". */
const commissionStatusLabelSql: SQL = sql`coalesce(nullif(concat_ws(', ', ${sql.join(
  COMMISSION_STATUS_LABELS.map(
    ([bit, name]) => sql`CASE WHEN (x.commission_mask & ${bit}::smallint) <> 0 THEN ${name}::text END`,
  ),
  sql`, `,
)}), ''), ${NO_COMMISSION_LABEL}::text)`;

/** lib/report-columns.ts `reviewLabel` in SQL. */
const reviewLabelSql: SQL = sql`CASE
  WHEN NOT x.is_flagged THEN CASE WHEN x.commission_eligible THEN 'Clean' ELSE 'Not eligible' END
  WHEN x.review_status = 'approved' THEN 'Flagged · approved'
  WHEN x.review_status = 'rejected' THEN 'Flagged · rejected'
  ELSE 'Flagged · in review' END`;

const signupDate = sql`to_char(x.used_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
// lib/format.ts centsToDecimal: bigint × numeric 0.01 has scale 2, so its text is the sign, the whole
// units and two-digit cents ("-0.05", "0.00", "1234.50").
const commissionAmount = sql`(x.commission_amount_cents * 0.01)::text`;

/**
 * Each exported field over a row `x` of `exportRows`, as its CSV cell and its JSON text. Free
 * text (code, e-mails, names, tier, address) is neutralised for CSV and escaped for JSON; the others
 * cannot need either, so they skip that work: the date starts with a digit, `source` is an enum of
 * plain words, booleans are `true`/`false` (bool's own text) and the id a number. The amount needs the
 * formula neutraliser only when it is negative (a leading `-`).
 */
const exportValues: Record<ExportField, { csv: SQL; json: SQL }> = {
  referral_code: freeText(sql`x.code_used`),
  referrer_email: freeText(sql`x.referrer_email`),
  referred_email: freeText(sql`x.referred_email`),
  signup_date: { csv: signupDate, json: jsonPlain(signupDate) },
  commission_amount: {
    csv: sql`CASE WHEN x.commission_amount_cents < 0 THEN '''' || ${commissionAmount} ELSE ${commissionAmount} END`,
    json: jsonPlain(commissionAmount),
  },
  commission_eligible: { csv: sql`x.commission_eligible::text`, json: sql`x.commission_eligible::text` },
  commission_paid: { csv: sql`x.commission_paid::text`, json: sql`x.commission_paid::text` },
  subscription_tier: freeText(sql`x.subscription_tier`),
  signup_ip: freeText(sql`x.signup_ip`),
  referral_id: { csv: sql`x.id`, json: sql`x.id::text` },
  referrer_name: freeText(sql`x.referrer_name`),
  referred_name: freeText(sql`x.referred_name`),
  source: { csv: sql`x.source::text`, json: jsonPlain(sql`x.source::text`) },
  flagged: { csv: sql`x.is_flagged::text`, json: sql`x.is_flagged::text` },
  campaign: freeText(sql`x.campaign_name`),
  // Fixed words (lib/report-columns.ts): nothing to neutralise or escape.
  commission_status: { csv: commissionStatusLabelSql, json: jsonPlain(commissionStatusLabelSql) },
  review: { csv: reviewLabelSql, json: jsonPlain(reviewLabelSql) },
  // Capital letters, digits, spaces, points, minus signs and semicolons: nothing to neutralise (it starts
  // with a letter) or escape.
  commission_other_currencies: {
    csv: sql`x.other_currencies`,
    json: sql`coalesce('"' || x.other_currencies || '"', 'null')`,
  },
};

function freeText(value: SQL): { csv: SQL; json: SQL } {
  return { csv: csvNeutralisedText(value), json: jsonText(value) };
}

/**
 * lib/csv.ts `neutralizeCell` in SQL, for COPY's CSV writer: an apostrophe before a text starting with
 * = + - @ tab or CR (their code points), and an empty text as NULL so COPY writes it unquoted.
 */
function csvNeutralisedText(value: SQL): SQL {
  return sql`CASE WHEN ascii(${value}) IN (61, 43, 45, 64, 9, 13) THEN '''' || ${value} ELSE nullif(${value}, '') END`;
}

/**
 * The whole selection as one statement (its caller sorts it by `used_at, id`): the referred users'
 * current tier from one DISTINCT ON over the subscriptions (of a filtered export: of the selected
 * referrals' users, a semi-join the planner probes for a narrow one) — no lookup per row.
 */
function exportRows(
  where: SQL,
  opts: {
    /**
     * The filters select every referral: the tiers are then those of all subscriptions, without the
     * semi-join that narrows them to the selected referrals' users — at a million rows that semi-join
     * hashed every referral once more in each parallel worker for no row less (a quarter of the export).
     */
    everyReferral: boolean;
    /** Some referral has a non-usd row (see copyExportRuns): join their amounts, else the column is NULL. */
    otherCurrencies: boolean;
  },
): SQL {
  return sql`
    SELECT l.id, l.used_at, l.code_used, l.signup_ip, l.source, l.is_flagged, l.commission_eligible,
           l.commission_paid, l.commission_amount_cents, l.commission_mask, l.review_status,
           r.email AS referrer_email, r.name AS referrer_name,
           d.email AS referred_email, d.name AS referred_name, tier.name AS subscription_tier,
           camp.campaign_name, ${opts.otherCurrencies ? sql`oc.other_currencies` : sql`NULL::text AS other_currencies`}
      FROM referral_usage_log l
      JOIN users d ON d.id = l.referred_user_id
      LEFT JOIN users r ON r.id = l.referrer_user_id
      -- Removed by the planner when no chosen column reads the campaign (unique keys, no column used).
      LEFT JOIN referral_codes rc ON rc.id = l.referral_code_id
      LEFT JOIN referral_campaigns camp ON camp.id = rc.campaign_id
      LEFT JOIN (
        SELECT DISTINCT ON (s.user_id) s.user_id, t.name
          FROM subscriptions s JOIN subscription_tiers t ON t.id = s.tier_id
         ${opts.everyReferral ? sql`` : sql`WHERE s.user_id IN (SELECT l.referred_user_id FROM referral_usage_log l WHERE ${where})`}
         ORDER BY s.user_id, s.created_at DESC, s.id DESC
      ) tier ON tier.user_id = l.referred_user_id
      -- Grouped by its key, so the planner drops the join when the field isn't chosen; a hash of the
      -- (usually small, non-usd only) ledger when it is, not a probe per exported row.
      ${opts.otherCurrencies ? sql`LEFT JOIN ${otherCurrencies(null)} oc ON oc.referral_id = l.id` : sql``}
     WHERE ${where}`;
}

/**
 * `(referral_id, other_currencies)`: each referral's non-usd direct commission (the earned bucket, from
 * referral_currency_ledger, 0036) as "EUR 3.99; JPY 500", for the referrals `ids` returns (or all).
 * The decimal is lib/format.ts centsToDecimal: the minor units of the currency (lib/money/currencies.ts),
 * rounding nothing (dividing by 10^n and keeping n digits).
 */
function otherCurrencies(ids: SQL | null): SQL {
  const earned = currencyEarnedCents("x");
  return sql`(
    SELECT x.referral_id,
           string_agg(upper(x.currency) || ' ' ||
                      round(${earned}::numeric / 10::numeric ^ ${minorUnitsSql}, ${minorUnitsSql})::text, '; '
                      ORDER BY x.currency) AS other_currencies
      FROM referral_currency_ledger x
     WHERE ${earned} <> 0 ${ids ? sql`AND x.referral_id IN (${ids})` : sql``}
     GROUP BY x.referral_id)`;
}

/** lib/money/currencies.ts minorUnits(x.currency) in SQL: 2 unless the table says otherwise. */
const minorUnitsSql: SQL = sql.raw(
  `(CASE x.currency ${Object.entries(MINOR_UNITS)
    .map(([code, digits]) => `WHEN '${code}' THEN ${digits}`)
    .join(" ")} ELSE 2 END)`,
);
