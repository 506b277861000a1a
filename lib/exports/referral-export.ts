import "server-only";
import type { Db } from "@/db/types";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { csvLines } from "@/lib/csv";
import type { CopiedRows } from "@/db/copy-out";
import {
  copyExportRuns,
  countReportReferrals,
  EXPORT_FIELDS,
  pickExportFields,
  readExportBatches,
  type ExportField,
  type ExportFormat,
  type ExportReferral,
} from "@/lib/queries/referral-export";
import { reportColumnLabel } from "@/lib/report-columns";
import { resolveReportFilters, type ResolvedReportFilters } from "@/lib/queries/referral-report-filter";
import {
  pickFilters,
  type ReferralExportQuery,
  type ReferralReportFilters,
  type ReportOrder,
} from "@/lib/validation/referral-report";

export type ReferralExport = {
  /** Referrals the filters selected when the export started (the download's progress denominator). */
  total: number;
  filename: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
};

// Excel reads a CSV as UTF-8 only with a byte-order mark; without it names like "Müller" turn to mojibake.
const UTF8_BOM = "\uFEFF";

/**
 * GET /api/admin/referral-export: the referrals the filters select, as the seed's JSON or as CSV,
 * streamed from the database with backpressure (PostgreSQL: one COPY, at most 1 MB read ahead; PGlite:
 * keyset batches), so memory stays flat whatever the total.
 *
 * JSON keeps the seed's envelope and fields. `referrals` is written as rows arrive, one per line, and
 * `total_records` after it: it is the number of rows actually written, so it always equals
 * `referrals.length` even if referrals change while a large export runs.
 *
 * The rows come in the table's order (`sort`, `dir`: newest signups first unless the view says). With
 * `columns` (the /admin table's chosen columns) the file has exactly those, in that order: the CSV header
 * is the table's column labels and the JSON keys are the column ids. Without it, the seed's fields.
 */
export async function startReferralExport(
  databases: Db | ExportDatabases,
  query: ReferralExportQuery,
  actor: AuditActor,
  now = new Date(),
): Promise<ReferralExport> {
  // The rows may come from the read replica (they may lag the primary by its replication delay); the
  // audit row is a write and goes to the primary.
  const { db: primary, readDb: db } =
    "readDb" in databases ? databases : { db: databases, readDb: databases };
  // The referrer text is resolved once: the count and every batch select the same people.
  const filters = await resolveReportFilters(db, pickFilters(query));
  const total = await countReportReferrals(db, filters);
  await writeAudit(primary, actor, {
    action: "referral.export",
    entityType: "referral",
    details: { format: query.format, filters: filtersApplied(filters), total },
  });
  const stamp = now.toISOString().slice(0, 10);
  const view: ExportView = {
    fields: query.columns ?? EXPORT_FIELDS,
    order: { sort: query.sort, dir: query.dir },
  };
  if (query.format === "csv") {
    const header = query.columns ? query.columns.map(reportColumnLabel) : [...EXPORT_FIELDS];
    return {
      total,
      filename: `referrals-${stamp}.csv`,
      contentType: "text/csv; charset=utf-8; header=present",
      body: encodeStream(db, filters, "csv", view, {
        head: UTF8_BOM + csvLines([header]),
        rows: (rows) => csvLines(rows.map((r) => view.fields.map((f) => r[f]))),
        tail: () => "",
      }),
    };
  }
  const head =
    `{"success":true,"data":{"export_date":${JSON.stringify(now.toISOString())},` +
    `"filters_applied":${JSON.stringify(filtersApplied(filters))},"referrals":[`;
  return {
    total,
    filename: `referrals-${stamp}.json`,
    contentType: "application/json; charset=utf-8",
    // Each row is written as `,\n{…}`; the first one's comma is dropped (encodeStream).
    body: encodeStream(db, filters, "json", view, {
      head,
      rows: (rows) => rows.map((r) => `,\n${JSON.stringify(pickExportFields(r, view.fields))}`).join(""),
      tail: (written) => `${written ? "\n" : ""}],"total_records":${written}}}\n`,
    }),
  };
}

/** The primary (for the audit row) and the database the rows are read from (the replica, if any). */
export type ExportDatabases = { db: Db; readDb: Db };

/** The seed's `filters_applied`: its three keys always, the table's other filters when set. */
export function filtersApplied(f: ReferralReportFilters): Record<string, string | number | boolean | null> {
  const applied: Record<string, string | number | boolean | null> = {
    start_date: f.start_date ?? null,
    end_date: f.end_date ?? null,
    commission_status: f.commission_status,
  };
  if (f.campaign !== undefined) applied.campaign = f.campaign;
  if (f.referrer) applied.referrer = f.referrer;
  if (f.flagged) applied.flagged = true;
  if (f.source) applied.source = f.source;
  return applied;
}

/** What the file holds of each row and in which order: the table's view, or the seed's fields. */
type ExportView = { fields: readonly ExportField[]; order: ReportOrder };

type Envelope = {
  head: string;
  /** The JavaScript encoding of a batch (PGlite); PostgreSQL's COPY writes the same bytes itself. */
  rows: (rows: ExportReferral[]) => string;
  tail: (written: number) => string;
};

/**
 * A pull stream: the next run of rows is read only when the client has taken the previous one, so a
 * slow download holds one run (what the socket delivered, or one batch) instead of buffering the export.
 * On PostgreSQL the rows arrive encoded from COPY (copyExportRuns) and are only framed here; on PGlite
 * keyset batches are encoded here, one batch read ahead.
 */
function encodeStream(
  db: Db,
  filters: ResolvedReportFilters,
  format: ExportFormat,
  view: ExportView,
  envelope: Envelope,
): ReadableStream<Uint8Array> {
  const text = new TextEncoder();
  const runs =
    copyExportRuns(db, filters, format, view.fields, view.order) ??
    encodeBatches(db, filters, view.order, envelope, text);
  let written = 0;
  let stripped = false;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(text.encode(envelope.head));
          return;
        }
        try {
          for (;;) {
            const next = await runs.next();
            if (next.done) {
              controller.enqueue(text.encode(envelope.tail(written)));
              controller.close();
              return;
            }
            const { bytes, rows } = next.value;
            written += rows;
            if (!bytes.length) continue;
            // JSON rows are separated, not terminated, by their comma: none before the first.
            if (format === "json" && !stripped) {
              stripped = true;
              controller.enqueue(bytes.subarray(1));
            } else controller.enqueue(bytes);
            return;
          }
        } catch (error) {
          // Headers are gone already: the client sees a truncated download, the detail stays in the log.
          console.error("[export] referral export failed mid-stream", error);
          controller.error(new Error("Export failed"));
        }
      },
      async cancel() {
        await runs.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

async function* encodeBatches(
  db: Db,
  filters: ResolvedReportFilters,
  order: ReportOrder,
  envelope: Envelope,
  text: TextEncoder,
): AsyncGenerator<CopiedRows> {
  for await (const batch of readExportBatches(db, filters, undefined, order)) {
    yield { bytes: text.encode(envelope.rows(batch)), rows: batch.length };
  }
}
