"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";

type Format = "csv" | "json";
type Progress =
  | { state: "idle" }
  | { state: "running"; format: Format; rows: number; total: number }
  | { state: "done"; format: Format; rows: number; filename: string }
  | { state: "error"; message: string };

const LF = 10;

/**
 * Downloads exactly the table's view (every page: its filters, order and columns) from the export
 * endpoint. The response is read as a
 * stream so the progress can count rows against the filtered total (`X-Total-Count`); the file is saved
 * through a blob link when it is complete.
 */
export function ExportButtons({ query: viewQuery, total }: { query: string; total: number }) {
  const [progress, setProgress] = useState<Progress>({ state: "idle" });
  const abort = useRef<AbortController | null>(null);

  async function download(format: Format) {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ state: "running", format, rows: 0, total });
    try {
      const query = viewQuery ? `${viewQuery}&format=${format}` : `format=${format}`;
      const res = await fetch(`/api/admin/referral-export?${query}`, { signal: controller.signal });
      if (!res.ok || !res.body) {
        const body = await res.json().catch(() => null);
        throw new Error(body?.error ?? `The export failed (${res.status}).`);
      }
      const expected = Number(res.headers.get("x-total-count") ?? total);
      const filename =
        res.headers.get("content-disposition")?.match(/filename="([^"]+)"/)?.[1] ?? `referrals.${format}`;
      const reader = res.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let lines = 0;
      let lastPaint = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        for (const byte of value) if (byte === LF) lines++;
        const now = performance.now();
        if (now - lastPaint > 100) {
          lastPaint = now;
          // One row per line in both formats (CSV has a header line, JSON an opening line); a name with
          // a line break in it can only make this run ahead, so it is capped at the total.
          setProgress({
            state: "running",
            format,
            rows: Math.min(Math.max(lines - 1, 0), expected),
            total: expected,
          });
        }
      }
      const blob = new Blob(chunks, { type: res.headers.get("content-type") ?? "application/octet-stream" });
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setProgress({ state: "done", format, rows: expected, filename });
    } catch (error) {
      if (controller.signal.aborted) setProgress({ state: "idle" });
      else
        setProgress({
          state: "error",
          message: error instanceof Error ? error.message : "The export failed.",
        });
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  }

  const running = progress.state === "running";
  // Why the buttons are off, said beside them (a disabled button explains nothing by itself).
  const disabledReason = running
    ? "One export at a time: wait for this one or cancel it."
    : total === 0
      ? "Nothing to export: no referral matches these filters."
      : null;
  const percent = running && progress.total ? Math.round((progress.rows / progress.total) * 100) : 0;

  return (
    <div className="flex flex-col items-stretch gap-2 sm:items-end">
      <div className="flex flex-wrap gap-2">
        {(["csv", "json"] as const).map((format) => (
          <Button
            key={format}
            variant="secondary"
            size="sm"
            onClick={() => download(format)}
            disabled={disabledReason !== null}
            aria-describedby={disabledReason ? "export-disabled-reason" : undefined}
          >
            Export {format.toUpperCase()}
          </Button>
        ))}
        {running ? (
          <Button variant="ghost" size="sm" onClick={() => abort.current?.abort()}>
            Cancel
          </Button>
        ) : null}
      </div>
      {disabledReason && !running ? (
        <p id="export-disabled-reason" className="text-xs text-ink-600">
          {disabledReason}
        </p>
      ) : null}
      <div aria-live="polite" className="min-h-5 text-xs text-ink-600">
        {running ? (
          <div className="flex items-center gap-2" id="export-disabled-reason">
            <progress
              value={progress.rows}
              max={Math.max(progress.total, 1)}
              aria-label={`Exporting ${progress.format.toUpperCase()}`}
              className="h-2 w-32 overflow-hidden rounded-full [&::-webkit-progress-bar]:bg-ink-100 [&::-webkit-progress-value]:bg-brand-600"
            />
            <span className="tabular-nums">
              {progress.rows.toLocaleString("en-US")} of {progress.total.toLocaleString("en-US")} rows (
              {percent}%)
            </span>
          </div>
        ) : progress.state === "done" ? (
          <span>
            Downloaded {progress.filename} · {progress.rows.toLocaleString("en-US")} rows
          </span>
        ) : progress.state === "error" ? (
          <span role="alert" className="font-medium text-red-700">
            {progress.message}
          </span>
        ) : total ? (
          <span>
            All {total.toLocaleString("en-US")} filtered rows in the table&apos;s order and columns.
          </span>
        ) : null}
      </div>
    </div>
  );
}
