// The referrals grid: sortable headers (links to the server's sort), the selectable rows of this page,
// and a footer with the totals of the whole filtered set (not just this page).
import type { ReactTable } from "@tanstack/react-table";
import { cn } from "@/components/ui/cn";
import { Table, TableBody, TableHead, TableScroll } from "@/components/ui/table";
import { formatMoney } from "@/lib/format";
import type { ReportRow, ReportTotals } from "@/lib/queries/referral-report";
import type { features } from "./referrals-columns";

export function ReferralsGrid({
  table,
  totals,
  navigating,
}: {
  table: ReactTable<typeof features, ReportRow>;
  totals: ReportTotals;
  /** A sort or page link is loading: the rows fade until it arrives. */
  navigating: boolean;
}) {
  const visibleColumns = table.getAllLeafColumns().length;
  return (
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
                {totals.eligible.toLocaleString("en-US")} eligible · {totals.flagged.toLocaleString("en-US")}{" "}
                flagged · {totals.commissionPaid.toLocaleString("en-US")} paid in full
              </span>
            </th>
            <td className="px-4 py-3 text-right" colSpan={2}>
              <p className="font-semibold text-ink-900 tabular-nums" data-testid="total-commission">
                {formatMoney(totals.commissionNetCents)}
              </p>
              <p className="text-xs whitespace-nowrap text-ink-600">
                {formatMoney(totals.ledger.pendingCents)} on hold · {formatMoney(totals.ledger.approvedCents)}{" "}
                approved · {formatMoney(totals.ledger.paidCents)} paid
              </p>
            </td>
            <td />
          </tr>
        </tfoot>
      </Table>
    </TableScroll>
  );
}
