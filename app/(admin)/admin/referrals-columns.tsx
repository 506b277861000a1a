// The referrals table's columns: one line per cell (a dense row), one column per export field, each
// headed by its label from lib/report-columns.ts — so the CSV of the view has these columns under these
// names. Rendered by ReferralsTable (a client component), so these cells run on the client.
import Link from "next/link";
import {
  columnOrderingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
} from "@tanstack/react-table";
import { MoneyByCurrency } from "@/components/commissions/money-by-currency";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { UtcTime } from "@/components/ui/utc-time";
import { formatMoney, formatMoneyByCurrency } from "@/lib/format";
import { withBaseCurrency } from "@/lib/money/currency-amounts";
import type { ReportRow } from "@/lib/queries/referral-report";
import {
  commissionStatusLabel,
  reportColumnLabel,
  reviewLabel,
  type ReportColumnId,
} from "@/lib/report-columns";
import type { ReportSort } from "@/lib/validation/referral-report";

export const features = tableFeatures({
  rowSortingFeature,
  rowSelectionFeature,
  columnVisibilityFeature,
  columnOrderingFeature,
});
const column = createColumnHelper<typeof features, ReportRow>();

/** The columns the server can sort by, and the sort each one asks for. */
export const SORT_OF_COLUMN: Partial<Record<ReportColumnId, ReportSort>> = {
  signup_date: "signup_date",
  commission_amount: "commission",
};

function PersonLink({ person }: { person: { id: number; name: string } }) {
  return (
    <Link
      href={`/admin/clients/${person.id}`}
      title={person.name}
      className="block max-w-40 truncate font-medium text-ink-900 hover:text-brand-700 hover:underline"
    >
      {person.name}
    </Link>
  );
}

const Muted = ({ children }: { children: string }) => <span className="text-ink-400">{children}</span>;

// Long names and e-mails are cut with an ellipsis (the whole text is the title) so the default columns fit
// 1280 px whatever the data; `width` is the cell's cap.
function Truncated({
  text,
  className,
  width = "max-w-52",
}: {
  text: string;
  className?: string;
  width?: string;
}) {
  return (
    <span title={text} className={`block ${width} truncate ${className ?? ""}`}>
      {text}
    </span>
  );
}

function reviewTone(row: ReportRow): BadgeTone {
  if (!row.isFlagged) return "neutral";
  return row.reviewStatus === "approved" ? "success" : row.reviewStatus === "rejected" ? "danger" : "warning";
}

/** The referral's direct commissions by state, for the status cell's tooltip. */
function ledgerTitle(ledger: ReportRow["ledger"]): string {
  const parts: [string, number][] = [
    ["On hold", ledger.pendingCents],
    ["Approved", ledger.approvedCents],
    ["Paid", ledger.paidCents],
    ["Reversed", ledger.reversedCents],
    ["Rejected", ledger.rejectedCents],
  ];
  return parts
    .filter(([, cents]) => cents !== 0)
    .map(([label, cents]) => `${label} ${formatMoney(cents)}`)
    .join(" · ");
}

const label = (id: ReportColumnId) => () => reportColumnLabel(id);

export const columns = column.columns([
  column.display({
    id: "select",
    enableSorting: false,
    enableHiding: false,
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
    header: label("signup_date"),
    sortDescFirst: true,
    cell: ({ getValue }) => <UtcTime value={getValue()} className="text-ink-700" />,
  }),
  column.accessor((row) => row.referred.name, {
    id: "referred_name",
    header: label("referred_name"),
    enableSorting: false,
    cell: ({ row }) => <PersonLink person={row.original.referred} />,
  }),
  column.accessor((row) => row.referred.email, {
    id: "referred_email",
    header: label("referred_email"),
    enableSorting: false,
    cell: ({ getValue }) => <Truncated text={getValue()} className="text-ink-600" />,
  }),
  column.accessor((row) => row.referrer?.name ?? "", {
    id: "referrer_name",
    header: label("referrer_name"),
    enableSorting: false,
    cell: ({ row }) =>
      row.original.referrer ? <PersonLink person={row.original.referrer} /> : <Muted>Deleted referrer</Muted>,
  }),
  column.accessor((row) => row.referrer?.email ?? "", {
    id: "referrer_email",
    header: label("referrer_email"),
    enableSorting: false,
    cell: ({ getValue }) => (getValue() ? <Truncated text={getValue()} className="text-ink-600" /> : null),
  }),
  column.accessor("codeUsed", {
    id: "referral_code",
    header: label("referral_code"),
    enableSorting: false,
    cell: ({ getValue }) => <span className="font-mono text-xs text-ink-700">{getValue()}</span>,
  }),
  column.accessor("campaignName", {
    id: "campaign",
    header: label("campaign"),
    enableSorting: false,
    cell: ({ getValue }) => {
      const name = getValue();
      return name ? <Truncated text={name} width="max-w-32" className="text-ink-700" /> : <Muted>—</Muted>;
    },
  }),
  column.accessor("source", {
    id: "source",
    header: label("source"),
    enableSorting: false,
    cell: ({ getValue }) => <Badge>{getValue()}</Badge>,
  }),
  column.accessor("isFlagged", {
    id: "review",
    header: label("review"),
    enableSorting: false,
    cell: ({ row }) => {
      const r = row.original;
      const text = reviewLabel(r);
      if (!r.isFlagged && r.commissionEligible) return <span className="text-xs text-ink-500">{text}</span>;
      return (
        <Badge tone={reviewTone(r)} title={r.fraudFlags.map((f) => f.reason).join("\n") || undefined}>
          {text}
        </Badge>
      );
    },
  }),
  column.accessor("commissionAmountCents", {
    id: "commission_amount",
    header: label("commission_amount"),
    sortDescFirst: true,
    // Every currency the referral earned in, one line each (usd first, left out when zero beside another):
    // a euro referral reads €3.99, not $0.00. Sorted by the usd amount, as the API's commission_amount.
    cell: ({ row }) => (
      <span
        className="block text-right font-medium text-ink-900 tabular-nums"
        data-testid="report-commission"
      >
        <MoneyByCurrency
          amounts={withBaseCurrency(row.original.commissionAmountCents, row.original.otherCurrencies)}
        />
      </span>
    ),
  }),
  // The commission in the currencies other than usd alone, on one line (0036): not shown by default (the
  // Commission column already lists them), chosen for a view whose export should carry them as a column.
  column.accessor("otherCurrencies", {
    id: "commission_other_currencies",
    header: label("commission_other_currencies"),
    enableSorting: false,
    cell: ({ getValue }) =>
      getValue().length ? (
        <span className="block text-right font-medium whitespace-nowrap text-ink-900 tabular-nums">
          {formatMoneyByCurrency(getValue())}
        </span>
      ) : (
        <span className="block text-right text-ink-400">—</span>
      ),
  }),
  column.accessor("commissionMask", {
    id: "commission_status",
    header: label("commission_status"),
    enableSorting: false,
    cell: ({ row }) => {
      const text = commissionStatusLabel(row.original.commissionMask);
      return (
        <span title={ledgerTitle(row.original.ledger) || undefined} className="text-ink-700">
          {text}
        </span>
      );
    },
  }),
  column.accessor("commissionPaid", {
    id: "commission_paid",
    header: label("commission_paid"),
    enableSorting: false,
    cell: ({ getValue }) =>
      getValue() ? <Badge tone="success">Yes</Badge> : <span className="text-xs text-ink-500">No</span>,
  }),
]);
