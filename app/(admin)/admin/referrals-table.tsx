"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTable, type RowSelectionState, type SortingState, type Updater } from "@tanstack/react-table";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { ReportRow, ReportTotals } from "@/lib/queries/referral-report";
import { REPORT_SORTS, reportQueryString, type ReportSort } from "@/lib/validation/referral-report";
import { ExportButtons } from "./export-buttons";
import { columns, features } from "./referrals-columns";
import { ReferralsGrid } from "./referrals-grid";
import { ReferralsPager } from "./referrals-pager";
import { ReferralsSummary } from "./referrals-summary";

type Props = {
  rows: ReportRow[];
  totals: ReportTotals;
  /** The current filters as a query string (no sort or cursor). */
  filterQuery: string;
  search: { sort: ReportSort; dir: "asc" | "desc"; size: number };
  prevCursor: string | null;
  nextCursor: string | null;
  atStart: boolean;
};

/**
 * The filtered referrals, one server page at a time. Sorting, page size and paging are links: the
 * server sorts and pages the whole filtered set (keyset), TanStack Table renders and keeps the row
 * selection, which survives paging (it is reset when the filters change).
 */
export function ReferralsTable({
  rows,
  totals,
  filterQuery,
  search,
  prevCursor,
  nextCursor,
  atStart,
}: Props) {
  const router = useRouter();
  const [navigating, startTransition] = useTransition();
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const sorting: SortingState = [{ id: search.sort, desc: search.dir === "desc" }];

  const href = (extra: Record<string, string | number | undefined>) => {
    const base = new URLSearchParams(filterQuery);
    const rest = reportQueryString({ sort: search.sort, dir: search.dir, size: search.size, ...extra });
    for (const [k, v] of new URLSearchParams(rest)) base.set(k, v);
    const qs = base.toString();
    return qs ? `/admin?${qs}` : "/admin";
  };
  const go = (url: string) => startTransition(() => router.push(url, { scroll: false }));

  function onSortingChange(updater: Updater<SortingState>) {
    const next = typeof updater === "function" ? updater(sorting) : updater;
    const first = next[0];
    if (!first || !(REPORT_SORTS as readonly string[]).includes(first.id)) return;
    go(href({ sort: first.id, dir: first.desc ? "desc" : "asc" }));
  }

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => String(row.id),
    state: { sorting, rowSelection },
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
        <ExportButtons filterQuery={filterQuery} total={totals.referrals} />
      </CardHeader>

      {rows.length ? (
        <ReferralsGrid table={table} totals={totals} navigating={navigating} />
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
