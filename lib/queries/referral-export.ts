import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/types";
import { copyOut, type CopiedRows } from "@/db/copy-out";
import { col, rowsAs } from "@/db/rows";
import { centsToDecimal } from "@/lib/format";
import type { ReferralReportFilters } from "@/lib/validation/referral-report";
import {
  referralReportWhere,
  resolveReportFilters,
  type ResolvedReportFilters,
} from "./referral-report-filter";

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
};

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
] as const satisfies readonly (keyof ExportReferral)[];

export const EXPORT_BATCH_SIZE = 2_000;

export type ExportFormat = "csv" | "json";

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
 * Every referral the filters select, oldest signup first, in keyset batches over the (used_at, id)
 * index: each batch is one bounded query that starts where the last one ended, so memory stays bounded
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
): AsyncGenerator<ExportReferral[]> {
  const where = referralReportWhere(await resolveReportFilters(db, filters));
  const read = async (cursor: { at: string; id: number } | null) =>
    rowsAs(await db.execute(exportBatchSql(where, cursor, batchSize)), rawExportRow);
  let pending = read(null);
  try {
    for (;;) {
      const rows = await pending;
      if (!rows.length) return;
      const more = rows.length >= batchSize;
      if (more) {
        const last = rows[rows.length - 1];
        pending = read({ at: last.cursor_at, id: last.id });
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

function exportBatchSql(where: SQL, cursor: { at: string; id: number } | null, batchSize: number): SQL {
  const after = cursor
    ? sql`AND (l.used_at, l.id) > (${cursor.at}::timestamptz, ${cursor.id}::bigint)`
    : sql``;
  return sql`
    WITH batch AS MATERIALIZED (
      SELECT l.id, l.used_at, l.code_used, l.signup_ip, l.source, l.is_flagged, l.commission_eligible,
             l.commission_paid, l.commission_amount_cents, l.referrer_user_id, l.referred_user_id
        FROM referral_usage_log l
       WHERE ${where} ${after}
       ORDER BY l.used_at, l.id
       LIMIT ${batchSize}::int
    ),
    tier AS (
      SELECT DISTINCT ON (s.user_id) s.user_id, t.name
        FROM subscriptions s JOIN subscription_tiers t ON t.id = s.tier_id
       WHERE s.user_id IN (SELECT referred_user_id FROM batch)
       ORDER BY s.user_id, s.created_at DESC, s.id DESC
    )
    SELECT l.id,
           to_char(l.used_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at,
           to_char(l.used_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS signup_date,
           l.code_used, l.signup_ip, l.source::text AS source, l.is_flagged,
           l.commission_eligible, l.commission_paid, l.commission_amount_cents,
           r.email AS referrer_email, r.name AS referrer_name,
           d.email AS referred_email, d.name AS referred_name,
           tier.name AS subscription_tier
      FROM batch l
      JOIN users d ON d.id = l.referred_user_id
      LEFT JOIN users r ON r.id = l.referrer_user_id
      LEFT JOIN tier ON tier.user_id = l.referred_user_id
     ORDER BY l.used_at, l.id`;
}

const rawExportRow = z.object({
  id: col.int,
  cursor_at: col.text,
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
  };
}

/**
 * On PostgreSQL: every referral the filters select, oldest signup first, as the download's bytes, from
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
): AsyncGenerator<CopiedRows> | null {
  const selection = exportRows(referralReportWhere(filters));
  if (format === "csv") {
    // The cells are about as wide as the columns they come from, so they are encoded below the sort, by
    // the parallel workers that join and sort (a flattened subquery: its target list is the sort's input).
    const cells = EXPORT_FIELDS.map((f) => exportValues[f].csv);
    return copyOut(
      db,
      sql`SELECT ${sql.join(cells, sql`, `)} FROM (${selection}) x ORDER BY x.used_at, x.id`,
      "csv",
    );
  }
  // A JSON line is about three times as wide as its columns: sorting the narrow rows first (a subquery
  // with ORDER BY is not flattened) keeps the sort small, and the lines are built above it.
  const sorted = sql`SELECT * FROM (${selection}) s ORDER BY s.used_at, s.id`;
  // The keys are constants (inlined as literals by copyOut), each value's JSON text between them.
  const members = EXPORT_FIELDS.map(
    (f, i) => sql`${`${i ? "," : ",\n{"}${JSON.stringify(f)}:`}::text || ${exportValues[f].json}`,
  );
  return copyOut(db, sql`SELECT ${sql.join(members, sql` || `)} || '}' FROM (${sorted}) x`, "lines");
}

/** JSON text of a text value; `null` for NULL (to_json of NULL is NULL, and one NULL would void the line). */
const jsonText = (value: SQL) => sql`coalesce(to_json(${value})::text, 'null')`;
/** JSON text of a text that never needs escaping (an enum, a formatted number or date): just quoted. */
const jsonPlain = (value: SQL) => sql`'"' || ${value} || '"'`;

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
const exportValues: Record<(typeof EXPORT_FIELDS)[number], { csv: SQL; json: SQL }> = {
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
 * current tier from one DISTINCT ON over the subscriptions of the selected referrals' users (a semi-join
 * the planner hashes for a full export and probes for a narrow one) — no lookup per row.
 */
function exportRows(where: SQL): SQL {
  return sql`
    SELECT l.id, l.used_at, l.code_used, l.signup_ip, l.source, l.is_flagged, l.commission_eligible,
           l.commission_paid, l.commission_amount_cents,
           r.email AS referrer_email, r.name AS referrer_name,
           d.email AS referred_email, d.name AS referred_name, tier.name AS subscription_tier
      FROM referral_usage_log l
      JOIN users d ON d.id = l.referred_user_id
      LEFT JOIN users r ON r.id = l.referrer_user_id
      LEFT JOIN (
        SELECT DISTINCT ON (s.user_id) s.user_id, t.name
          FROM subscriptions s JOIN subscription_tiers t ON t.id = s.tier_id
         WHERE s.user_id IN (SELECT l.referred_user_id FROM referral_usage_log l WHERE ${where})
         ORDER BY s.user_id, s.created_at DESC, s.id DESC
      ) tier ON tier.user_id = l.referred_user_id
     WHERE ${where}`;
}
