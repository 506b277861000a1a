"use client";

// Choose and order the report's columns. The choice is a link (`columns=` in the URL): it survives a
// reload, can be shared, and the export of the view writes the same columns in the same order.
import { useSyncExternalStore } from "react";
import { REPORT_COLUMN_IDS, reportColumnLabel, type ReportColumnId } from "@/lib/report-columns";

export function ColumnPicker({
  columns,
  onChange,
}: {
  /** The visible columns, in their order. */
  columns: readonly ReportColumnId[];
  onChange: (columns: ReportColumnId[]) => void;
}) {
  // Choosing needs JavaScript (it navigates): the controls wait for it rather than toggle and snap back.
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const hidden = REPORT_COLUMN_IDS.filter((id) => !columns.includes(id));
  const move = (index: number, by: -1 | 1) => {
    const next = [...columns];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    onChange(next);
  };
  const buttonClass =
    "inline-flex size-7 items-center justify-center rounded-md text-ink-600 hover:bg-ink-100 disabled:opacity-30 disabled:hover:bg-transparent";

  return (
    <details className="group relative">
      <summary className="inline-flex h-8 cursor-pointer list-none items-center gap-1.5 rounded-lg border border-ink-200 bg-white px-3 text-sm font-medium text-ink-800 hover:bg-ink-50 [&::-webkit-details-marker]:hidden">
        Columns
        <span className="text-ink-500 tabular-nums">
          {columns.length}/{REPORT_COLUMN_IDS.length}
        </span>
        <span aria-hidden="true" className="text-[10px] text-ink-500 group-open:rotate-180">
          ▼
        </span>
      </summary>
      <div
        role="group"
        aria-label="Choose and order columns"
        className="absolute right-0 z-20 mt-1 w-72 max-w-[calc(100vw-2rem)] rounded-xl border border-ink-200 bg-white p-2 shadow-lg"
      >
        <p className="px-2 pt-1 pb-2 text-xs text-ink-500">
          Shown columns, in order — the export writes the same.
        </p>
        {/* One list with one key per column, so a column moving between shown and hidden keeps its
            checkbox (focus stays on it, and it reads as toggled). */}
        <ul className="flex flex-col">
          {[...columns, ...hidden].map((id) => {
            const i = columns.indexOf(id);
            const shown = i >= 0;
            return (
              <li key={id} className="flex items-center gap-2 rounded-md px-2 py-1 hover:bg-ink-50">
                <label
                  className={`flex min-w-0 flex-1 items-center gap-2 text-sm ${shown ? "text-ink-800" : "text-ink-600"}`}
                >
                  <input
                    type="checkbox"
                    checked={shown}
                    disabled={!ready || (shown && columns.length === 1)}
                    onChange={() => onChange(shown ? columns.filter((c) => c !== id) : [...columns, id])}
                    className="size-4 rounded border-ink-300 accent-brand-600"
                  />
                  <span className="truncate">{reportColumnLabel(id)}</span>
                </label>
                {shown ? (
                  <>
                    <button
                      type="button"
                      className={buttonClass}
                      disabled={!ready || i === 0}
                      onClick={() => move(i, -1)}
                      aria-label={`Move ${reportColumnLabel(id)} left`}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className={buttonClass}
                      disabled={!ready || i === columns.length - 1}
                      onClick={() => move(i, 1)}
                      aria-label={`Move ${reportColumnLabel(id)} right`}
                    >
                      ↓
                    </button>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      </div>
    </details>
  );
}

const noSubscription = () => () => {};
