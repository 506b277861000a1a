"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTable, type RowSelectionState, type SortingState, type Updater } from "@tanstack/react-table";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { ReportRow, ReportTotals } from "@/lib/queries/referral-report";
import { REPORT_COLUMN_IDS, type ReportColumnId } from "@/lib/report-columns";
import { reportQueryString, type ReportSort } from "@/lib/validation/referral-report";
import { ColumnPicker } from "./column-picker";
import { ExportButtons } from "./export-buttons";
import { columns, features, SORT_OF_COLUMN } from "./referrals-columns";
import { ReferralsGrid } from "./referrals-grid";
import { ReferralsPager } from "./referrals-pager";
import { ReferralsSummary } from "./referrals-summary";

type Props = {
  rows: ReportRow[];
  totals: ReportTotals;
  /** The current filters as a query string (no sort or cursor). */
  filterQuery: string;
  search: { sort: ReportSort; dir: "asc" | "desc"; size: number };
  /** The visible columns in their order (the URL's `columns`, or the default). */
  visibleColumns: readonly ReportColumnId[];
  prevCursor: string | null;
  nextCursor: string | null;
  atStart: boolean;
};

/**
 * The filtered referrals, one server page at a time. Sorting, page size, paging and the chosen columns
 * are links: the server sorts and pages the whole filtered set (keyset), TanStack Table renders the chosen
 * columns in their order and keeps the row selection, which survives paging (it is reset when the
 * filters change). The export downloads this view: same filters, order and columns.
 */
export function ReferralsTable({
  rows,
  totals,
  filterQuery,
  search,
  visibleColumns,
  prevCursor,
  nextCursor,
  atStart,
}: Props) {
  const router = useRouter();
  const [navigating, startTransition] = useTransition();
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  // The chosen columns show at once (every row already has every field); the URL follows, so the choice
  // survives a reload. A new choice from the URL (back, a shared link) replaces the local one.
  const [shownColumns, setShownColumns] = useState(visibleColumns);
  const [urlColumns, setUrlColumns] = useState(visibleColumns);
  if (urlColumns !== visibleColumns) {
    setUrlColumns(visibleColumns);
    setShownColumns(visibleColumns);
  }
  const sortColumn = (Object.keys(SORT_OF_COLUMN) as ReportColumnId[]).find(
    (id) => SORT_OF_COLUMN[id] === search.sort,
  )!;
  const sorting: SortingState = [{ id: sortColumn, desc: search.dir === "desc" }];

  const href = (
    extra: Record<string, string | number | undefined>,
    columns: readonly ReportColumnId[] = shownColumns,
  ) => {
    const base = new URLSearchParams(filterQuery);
    const rest = reportQueryString({
      sort: search.sort,
      dir: search.dir,
      size: search.size,
      ...extra,
      columns,
    });
    for (const [k, v] of new URLSearchParams(rest)) base.set(k, v);
    const qs = base.toString();
    return qs ? `/admin?${qs}` : "/admin";
  };
  const go = (url: string) => startTransition(() => router.push(url, { scroll: false }));

  function onSortingChange(updater: Updater<SortingState>) {
    const next = typeof updater === "function" ? updater(sorting) : updater;
    const first = next[0];
    const sort = first && SORT_OF_COLUMN[first.id as ReportColumnId];
    if (!sort) return;
    go(href({ sort, dir: first.desc ? "desc" : "asc" }));
  }

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => String(row.id),
    state: {
      sorting,
      rowSelection,
      columnOrder: ["select", ...shownColumns],
      columnVisibility: Object.fromEntries(REPORT_COLUMN_IDS.map((id) => [id, shownColumns.includes(id)])),
    },
    onSortingChange,
    onRowSelectionChange: setRowSelection,
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
  });

  const selectedIds = Object.keys(rowSelection)
    .filter((id) => rowSelection[id])
    .map(Number);
  const selectedHere = rows.filter((r) => rowSelection[String(r.id)]).length;

  return (
    <Card className="mb-8" role="region" aria-labelledby="referrals-title">
      <CardHeader className="gap-3 sm:flex-row sm:items-start sm:justify-between">
        <ReferralsSummary
          totals={totals}
          selectedIds={selectedIds}
          selectedHere={selectedHere}
          onClearSelection={() => setRowSelection({})}
        />
        <div className="flex flex-col items-stretch gap-2 sm:items-end">
          <ColumnPicker columns={visibleColumns} onChange={(next) => go(href({}, next))} />
          <ExportButtons query={exportQuery(filterQuery, search, visibleColumns)} total={totals.referrals} />
        </div>
      </CardHeader>

      {rows.length ? (
        <ReferralsGrid table={table} navigating={navigating} />
      ) : (
        <div className="p-5">
          <EmptyState
            headingLevel="h3"
            title="No referrals match these filters"
            text="Widen the date range or clear a filter to see more."
            action={
              <ButtonLink href="/admin" variant="secondary">
                Clear all filters
              </ButtonLink>
            }
          />
        </div>
      )}

      <ReferralsPager
        size={search.size}
        hrefFor={href}
        onSizeChange={(size) => go(href({ size }))}
        prevCursor={prevCursor}
        nextCursor={nextCursor}
        atStart={atStart}
      />
    </Card>
  );
}

/**
 * The export's query for this view: the filters, the table's order and its columns, always named (the
 * export without `columns` writes the seed's fields instead).
 */
function exportQuery(
  filterQuery: string,
  search: { sort: ReportSort; dir: "asc" | "desc" },
  visibleColumns: readonly ReportColumnId[],
): string {
  const params = new URLSearchParams(filterQuery);
  params.set("sort", search.sort);
  params.set("dir", search.dir);
  params.set("columns", visibleColumns.join(","));
  return params.toString();
}
