import "server-only";
import type { Db } from "@/db/types";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { csvLines } from "@/lib/csv";
import {
  countReportReferrals,
  EXPORT_FIELDS,
  readExportBatches,
  type ExportReferral,
} from "@/lib/queries/referral-export";
import { resolveReportFilters, type ResolvedReportFilters } from "@/lib/queries/referral-report-filter";
import {
  pickFilters,
  type ReferralExportQuery,
  type ReferralReportFilters,
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
 * streamed batch by batch from the database (memory stays at one batch of rows whatever the total).
 *
 * JSON keeps the seed's envelope and fields. `referrals` is written as rows arrive, one per line, and
 * `total_records` after it: it is the number of rows actually written, so it always equals
 * `referrals.length` even if referrals change while a large export runs.
 */
export async function startReferralExport(
  db: Db,
  query: ReferralExportQuery,
  actor: AuditActor,
  now = new Date(),
): Promise<ReferralExport> {
  // The referrer text is resolved once: the count and every batch select the same people.
  const filters = await resolveReportFilters(db, pickFilters(query));
  const total = await countReportReferrals(db, filters);
  await writeAudit(db, actor, {
    action: "referral.export",
    entityType: "referral",
    details: { format: query.format, filters: filtersApplied(filters), total },
  });
  const stamp = now.toISOString().slice(0, 10);
  if (query.format === "csv") {
    return {
      total,
      filename: `referrals-${stamp}.csv`,
      contentType: "text/csv; charset=utf-8; header=present",
      body: encodeStream(db, filters, {
        head: UTF8_BOM + csvLines([[...EXPORT_FIELDS]]),
        row: () => "",
        batch: (rows) => csvLines(rows.map((r) => EXPORT_FIELDS.map((f) => r[f]))),
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
    body: encodeStream(db, filters, {
      head,
      row: (r, index) => `${index === 0 ? "" : ","}\n${JSON.stringify(r)}`,
      tail: (written) => `${written ? "\n" : ""}],"total_records":${written}}}\n`,
    }),
  };
}

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

type Encoder = {
  head: string;
  row: (row: ExportReferral, index: number) => string;
  batch?: (rows: ExportReferral[]) => string;
  tail: (written: number) => string;
};

/**
 * A pull stream: the next batch is read from the database only when the client has taken the previous
 * one, so a slow download holds one batch in memory instead of buffering the whole export.
 */
function encodeStream(db: Db, filters: ResolvedReportFilters, encoder: Encoder): ReadableStream<Uint8Array> {
  const text = new TextEncoder();
  const batches = readExportBatches(db, filters);
  let written = 0;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(text.encode(encoder.head));
          return;
        }
        try {
          const next = await batches.next();
          if (next.done) {
            controller.enqueue(text.encode(encoder.tail(written)));
            controller.close();
            return;
          }
          let chunk: string;
          if (encoder.batch) chunk = encoder.batch(next.value);
          else chunk = next.value.map((row, i) => encoder.row(row, written + i)).join("");
          written += next.value.length;
          controller.enqueue(text.encode(chunk));
        } catch (error) {
          // Headers are gone already: the client sees a truncated download, the detail stays in the log.
          console.error("[export] referral export failed mid-stream", error);
          controller.error(new Error("Export failed"));
        }
      },
      async cancel() {
        await batches.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
