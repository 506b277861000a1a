// The export rows: one download of GET /api/admin/referral-export measured from outside (rows/s, time to
// the first byte, the server's RSS), beside COPY of the same rows.
import type { CopyResult } from "./baselines";
import { settle } from "./load";
import type { Row } from "./report";
import { rssMb, type RunningServer } from "./server";

export type ExportResult = {
  status: number;
  /** Rows the export selected (X-Total-Count). */
  total: number;
  /** Rows received (one per line in both formats), all of them unless the download was cut short. */
  rows: number;
  complete: boolean;
  seconds: number;
  rowsPerSec: number;
  firstByteMs: number;
  bytes: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  rssAfterMb: number;
};

/**
 * One download: rows/s, time to the first byte, and the server's RSS (sampled every 100 ms). A download
 * still running after `capSeconds` is cut short and measured over what arrived, so a slow export can't
 * stretch a run at 1M rows past its budget.
 */
export async function measureExport(
  s: RunningServer,
  p: string,
  headers: Record<string, string>,
  capSeconds: number,
): Promise<ExportResult> {
  await settle(s.url);
  const rssBeforeMb = rssMb(s.pid);
  let rssPeakMb = rssBeforeMb;
  const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, rssMb(s.pid))), 100);
  const abort = new AbortController();
  const started = performance.now();
  try {
    const res = await fetch(s.url + p, { headers, signal: abort.signal });
    const total = Number(res.headers.get("X-Total-Count"));
    let firstByteMs = NaN;
    let bytes = 0;
    let lines = 0;
    let complete = true;
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (Number.isNaN(firstByteMs)) firstByteMs = performance.now() - started;
      bytes += value.length;
      for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) lines++;
      if (performance.now() - started > capSeconds * 1000) {
        complete = false;
        await reader.cancel();
        break;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    // CSV: a header line then one line per row. JSON: one referral per line between the head and the tail.
    const rows = complete ? total : Math.max(0, lines - 1);
    return {
      status: res.status,
      total,
      rows,
      complete,
      seconds,
      rowsPerSec: rows / seconds,
      firstByteMs,
      bytes,
      rssBeforeMb,
      rssPeakMb: Math.max(rssPeakMb, rssMb(s.pid)),
      rssAfterMb: rssMb(s.pid),
    };
  } finally {
    clearInterval(sampler);
    abort.abort();
  }
}

export function exportRow(format: "csv" | "json", e: ExportResult, copy: CopyResult): Row {
  const ratio = e.rowsPerSec / copy.rowsPerSec;
  const growth = e.rssPeakMb - e.rssBeforeMb;
  return {
    path: `${format.toUpperCase()} export, ${e.complete ? e.total : `${e.rows} of ${e.total}`} rows`,
    measured:
      `${e.rowsPerSec.toFixed(0)} rows/s, TTFB ${e.firstByteMs.toFixed(0)} ms, ` +
      `RSS ${e.rssBeforeMb.toFixed(0)}→${e.rssPeakMb.toFixed(0)} MB` +
      (e.status === 200 ? "" : ` (HTTP ${e.status})`),
    baseline: `COPY ${copy.rowsPerSec.toFixed(0)} rows/s`,
    ratio,
    target: "≥ 0.50×, RSS +< 100 MB, TTFB < 1 s",
    pass: e.status === 200 && ratio >= 0.5 && growth < 100 && e.firstByteMs < 1000,
  };
}
