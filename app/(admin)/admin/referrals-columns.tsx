// The referrals table's columns: what each cell of a report row shows. Rendered by ReferralsTable
// (a client component), so these cells run on the client.
import Link from "next/link";
import {
  createColumnHelper,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
} from "@tanstack/react-table";
import { Badge } from "@/components/ui/badge";
import { UtcTime } from "@/components/ui/utc-time";
import { formatMoney } from "@/lib/format";
import type { ReportRow } from "@/lib/queries/referral-report";

export const features = tableFeatures({ rowSortingFeature, rowSelectionFeature });
const column = createColumnHelper<typeof features, ReportRow>();

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

export const columns = column.columns([
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
    cell: ({ getValue }) => <UtcTime value={getValue()} className="whitespace-nowrap text-ink-700" />,
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
