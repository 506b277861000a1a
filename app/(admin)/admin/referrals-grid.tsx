// The referrals grid: the chosen columns in their order, one line per row (at most 44 px), headers that
// stay in view while the rows scroll (the grid scrolls inside its own box, so the page stays short) and
// sort by the server's order. The totals of the whole filtered set are in the card's header.
import type { ReactTable } from "@tanstack/react-table";
import { cn } from "@/components/ui/cn";
import { Table, TableBody, TableHead, TableScroll } from "@/components/ui/table";
import type { ReportRow } from "@/lib/queries/referral-report";
import type { features } from "./referrals-columns";

export function ReferralsGrid({
  table,
  navigating,
}: {
  table: ReactTable<typeof features, ReportRow>;
  /** A sort or page link is loading: the rows fade until it arrives. */
  navigating: boolean;
}) {
  return (
    <TableScroll
      aria-label="Referrals, scrollable"
      className={cn("max-h-[70vh] overflow-y-auto transition-opacity", navigating && "opacity-60")}
      aria-busy={navigating}
      data-testid="referrals-grid"
    >
      <Table>
        <TableHead className="bg-ink-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const canSort = header.column.getCanSort();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    data-column={header.column.id === "select" ? undefined : header.column.id}
                    aria-sort={sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined}
                    className={cn(
                      // Sticky cells (not the thead): the header row stays at the top of the scroll box.
                      "sticky top-0 z-10 border-b border-ink-200 bg-ink-50 px-2.5 py-2 align-bottom font-medium",
                      // A two-word label may wrap ("Commission / status"): the column is then as wide as its
                      // cells, not its heading, and the default columns fit 1280 px. A sort button stays whole.
                      canSort ? "whitespace-nowrap" : "whitespace-normal",
                      header.column.id === "select" && "w-10",
                      header.column.id === "commission_amount" && "text-right",
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
              className="hover:bg-ink-50/60 data-[state=selected]:bg-brand-50/60"
            >
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className="h-10 px-2.5 py-1.5 whitespace-nowrap">
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
