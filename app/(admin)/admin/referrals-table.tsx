"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  createColumnHelper,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type RowSelectionState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import { Table, TableBody, TableHead, TableScroll } from "@/components/ui/table";
import { formatMoney } from "@/lib/format";
import type { ReportRow, ReportTotals } from "@/lib/queries/referral-report";
import {
  REPORT_PAGE_SIZES,
  REPORT_SORTS,
  reportQueryString,
  type ReportSort,
} from "@/lib/validation/referral-report";
import { ExportButtons } from "./export-buttons";
import { AddToPayout } from "./add-to-payout";
import { BulkDecision } from "./review/bulk-decision";

const features = tableFeatures({ rowSortingFeature, rowSelectionFeature });
const column = createColumnHelper<typeof features, ReportRow>();

const dateTime = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

function Person({ person }: { person: { id: number; name: string; email: string } }) {
  return (
    <div className="min-w-0">
      <Link
        href={`/admin/clients/${person.id}`}
        className="block max-w-52 truncate font-medium text-ink-900 hover:text-brand-700 hover:underline"
      >
        {person.name}
      </Link>
      <p className="max-w-52 truncate text-xs text-ink-500">{person.email}</p>
    </div>
  );
}

function LedgerLine({ ledger }: { ledger: ReportRow["ledger"] }) {
  const parts = [
    ["pending", ledger.pendingCents],
    ["approved", ledger.approvedCents],
    ["paid", ledger.paidCents],
    ["reversed", ledger.reversedCents],
    ["rejected", ledger.rejectedCents],
  ].filter(([, cents]) => cents !== 0) as [string, number][];
  if (!parts.length) return <p className="text-xs text-ink-400">No commission yet</p>;
  return (
    <p className="text-xs whitespace-nowrap text-ink-500">
      {parts.map(([label, cents]) => `${formatMoney(cents)} ${label}`).join(" · ")}
    </p>
  );
}

function reviewBadge(row: ReportRow) {
  if (!row.isFlagged) return row.commissionEligible ? null : <Badge tone="neutral">Not eligible</Badge>;
  const tone =
    row.reviewStatus === "approved" ? "success" : row.reviewStatus === "rejected" ? "danger" : "warning";
  const label =
    row.reviewStatus === "approved" ? "Approved" : row.reviewStatus === "rejected" ? "Rejected" : "In review";
  return (
    <Badge tone={tone} title={row.fraudFlags.map((f) => f.reason).join("\n")}>
      Flagged · {label}
    </Badge>
  );
}

const columns = column.columns([
  column.display({
    id: "select",
    enableSorting: false,
    header: ({ table }) => (
      <input
        type="checkbox"
        aria-label="Select every row on this page"
        className="size-4 rounded border-ink-300 accent-brand-600"
        checked={table.getIsAllPageRowsSelected()}
        ref={(el) => {
          if (el) el.indeterminate = !table.getIsAllPageRowsSelected() && table.getIsSomePageRowsSelected();
        }}
        onChange={table.getToggleAllPageRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={`Select referral of ${row.original.referred.name}`}
        className="size-4 rounded border-ink-300 accent-brand-600"
        checked={row.getIsSelected()}
        disabled={!row.getCanSelect()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  }),
  column.accessor("usedAt", {
    id: "signup_date",
    header: "Signed up",
    sortDescFirst: true,
    cell: ({ getValue }) => (
      <time dateTime={getValue()} className="whitespace-nowrap text-ink-700">
        {dateTime.format(new Date(getValue()))}
      </time>
    ),
  }),
  column.accessor((row) => row.referred.name, {
    id: "referred",
    header: "Referred client",
    enableSorting: false,
    cell: ({ row }) => <Person person={row.original.referred} />,
  }),
  column.accessor((row) => row.referrer?.name ?? "", {
    id: "referrer",
    header: "Referrer · code",
    enableSorting: false,
    cell: ({ row }) => (
      <div className="flex flex-col gap-0.5">
        {row.original.referrer ? (
          <Person person={row.original.referrer} />
        ) : (
          <span className="text-ink-400">Deleted referrer</span>
        )}
        <span className="font-mono text-xs text-ink-600">{row.original.codeUsed}</span>
      </div>
    ),
  }),
  column.accessor("source", {
    header: "Source",
    enableSorting: false,
    cell: ({ row }) => (
      <div className="flex flex-col items-start gap-1">
        <Badge>{row.original.source}</Badge>
        {row.original.campaignName ? (
          <span className="max-w-36 truncate text-xs text-ink-500">{row.original.campaignName}</span>
        ) : null}
      </div>
    ),
  }),
  column.accessor("isFlagged", {
    id: "review",
    header: "Review",
    enableSorting: false,
    cell: ({ row }) => reviewBadge(row.original) ?? <span className="text-xs text-ink-400">Clean</span>,
  }),
  column.accessor("commissionAmountCents", {
    id: "commission",
    header: "Commission",
    sortDescFirst: true,
    cell: ({ row }) => (
      <div className="text-right">
        <p className="font-medium text-ink-900 tabular-nums">
          {formatMoney(row.original.commissionAmountCents)}
        </p>
        <LedgerLine ledger={row.original.ledger} />
      </div>
    ),
  }),
  column.accessor("commissionPaid", {
    id: "paid",
    header: "Paid",
    enableSorting: false,
    cell: ({ getValue }) =>
      getValue() ? <Badge tone="success">Paid</Badge> : <span className="text-xs text-ink-500">Not yet</span>,
  }),
]);

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
  const selected = selectedIds.length;
  const selectedHere = rows.filter((r) => rowSelection[String(r.id)]).length;
  const visibleColumns = table.getAllLeafColumns().length;

  return (
    <Card className="mb-8" role="region" aria-labelledby="referrals-title">
      <CardHeader className="gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <CardTitle id="referrals-title">Referrals</CardTitle>
          <p className="mt-1 text-sm text-ink-600" data-testid="filtered-total">
            <span className="font-semibold text-ink-900 tabular-nums">
              {totals.referrals.toLocaleString("en-US")}
            </span>{" "}
            {totals.referrals === 1 ? "referral matches" : "referrals match"} the filters
          </p>
          <dl className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm">
            <div className="flex gap-1.5">
              <dt className="text-ink-500">Commission</dt>
              <dd className="font-medium text-ink-900 tabular-nums">
                {formatMoney(totals.commissionNetCents)}
              </dd>
            </div>
            <div className="flex gap-1.5">
              <dt className="text-ink-500">Pending</dt>
              <dd className="tabular-nums">{formatMoney(totals.ledger.pendingCents)}</dd>
            </div>
            <div className="flex gap-1.5">
              <dt className="text-ink-500">Owed (approved)</dt>
              <dd className="tabular-nums">{formatMoney(totals.ledger.approvedCents)}</dd>
            </div>
            <div className="flex gap-1.5">
              <dt className="text-ink-500">Paid</dt>
              <dd className="tabular-nums">{formatMoney(totals.ledger.paidCents)}</dd>
            </div>
          </dl>
          {selected ? (
            <p className="mt-2 flex items-center gap-2 text-sm text-brand-800" aria-live="polite">
              <span className="font-medium" data-testid="selected-count">
                {selected} selected
              </span>
              {selected !== selectedHere ? (
                <span className="text-ink-500">({selectedHere} on this page)</span>
              ) : null}
              <Button variant="ghost" size="sm" onClick={() => setRowSelection({})}>
                Clear selection
              </Button>
            </p>
          ) : null}
          {selected ? (
            <div className="mt-2 flex flex-col gap-3">
              <div role="group" aria-label="Review selected referrals">
                <BulkDecision ids={selectedIds} />
              </div>
              <div role="group" aria-label="Pay selected referrals">
                <AddToPayout ids={selectedIds} />
              </div>
            </div>
          ) : null}
        </div>
        <ExportButtons filterQuery={filterQuery} total={totals.referrals} />
      </CardHeader>

      {rows.length ? (
        <TableScroll className={cn("transition-opacity", navigating && "opacity-60")} aria-busy={navigating}>
          <Table className="min-w-[64rem]">
            <TableHead className="bg-ink-50/60">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const sorted = header.column.getIsSorted();
                    const canSort = header.column.getCanSort();
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        aria-sort={sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined}
                        className={cn(
                          "px-4 py-3 font-medium",
                          header.column.id === "select" && "w-10",
                          header.column.id === "commission" && "text-right",
                        )}
                      >
                        {canSort ? (
                          <button
                            type="button"
                            onClick={header.column.getToggleSortingHandler()}
                            className={cn(
                              "inline-flex items-center gap-1 uppercase hover:text-ink-900",
                              sorted && "text-ink-900",
                            )}
                          >
                            <table.FlexRender header={header} />
                            <span aria-hidden="true" className="text-[10px]">
                              {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                            </span>
                          </button>
                        ) : (
                          <table.FlexRender header={header} />
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </TableHead>
            <TableBody>
              {table.getRowModel().rows.map((row) => (
                <tr
                  key={row.id}
                  data-state={row.getIsSelected() ? "selected" : undefined}
                  className="align-top hover:bg-ink-50/60 data-[state=selected]:bg-brand-50/60"
                >
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} className="px-4 py-3">
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </TableBody>
            <tfoot className="border-t-2 border-ink-200 bg-ink-50 text-sm">
              <tr>
                <th
                  scope="row"
                  colSpan={visibleColumns - 3}
                  className="px-4 py-3 text-left font-semibold text-ink-900"
                >
                  Totals for all {totals.referrals.toLocaleString("en-US")} filtered referrals
                  <span className="ml-2 font-normal text-ink-600">
                    {totals.eligible.toLocaleString("en-US")} eligible ·{" "}
                    {totals.flagged.toLocaleString("en-US")} flagged ·{" "}
                    {totals.commissionPaid.toLocaleString("en-US")} paid in full
                  </span>
                </th>
                <td className="px-4 py-3 text-right" colSpan={2}>
                  <p className="font-semibold text-ink-900 tabular-nums" data-testid="total-commission">
                    {formatMoney(totals.commissionNetCents)}
                  </p>
                  <p className="text-xs whitespace-nowrap text-ink-600">
                    {formatMoney(totals.ledger.pendingCents)} pending ·{" "}
                    {formatMoney(totals.ledger.approvedCents)} approved (owed) ·{" "}
                    {formatMoney(totals.ledger.paidCents)} paid
                  </p>
                </td>
                <td />
              </tr>
            </tfoot>
          </Table>
        </TableScroll>
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

      <nav
        aria-label="Pages"
        className="flex flex-col gap-3 border-t border-ink-100 px-5 py-3 text-sm sm:flex-row sm:items-center sm:justify-between"
      >
        <div className="flex items-center gap-2 text-ink-600">
          <label htmlFor="page-size" className="whitespace-nowrap">
            Rows per page
          </label>
          <div className="w-24">
            <Select
              id="page-size"
              value={search.size}
              onChange={(e) => go(href({ size: Number(e.target.value) }))}
            >
              {REPORT_PAGE_SIZES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          <PageLink href={href({})} disabled={atStart && !prevCursor}>
            First
          </PageLink>
          <PageLink href={prevCursor ? href({ before: prevCursor }) : null}>Previous</PageLink>
          <PageLink href={nextCursor ? href({ after: nextCursor }) : null}>Next</PageLink>
          <PageLink href={href({ before: "end" })} disabled={!nextCursor}>
            Last
          </PageLink>
        </div>
      </nav>
    </Card>
  );
}

function PageLink({
  href,
  disabled,
  children,
}: {
  href: string | null;
  disabled?: boolean;
  children: string;
}) {
  if (!href || disabled) {
    return (
      <span
        aria-disabled="true"
        className="inline-flex h-8 items-center rounded-lg border border-ink-200 px-3 text-ink-400"
      >
        {children}
      </span>
    );
  }
  return (
    <ButtonLink href={href} variant="secondary" size="sm" scroll={false}>
      {children}
    </ButtonLink>
  );
}
