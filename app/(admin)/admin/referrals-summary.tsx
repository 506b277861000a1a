// The referrals card's header: how many referrals match and what they earned, and — once rows are
// selected — the selection with the bulk review and payout actions.
import { Button } from "@/components/ui/button";
import { CardTitle } from "@/components/ui/card";
import { formatMoney } from "@/lib/format";
import type { ReportTotals } from "@/lib/queries/referral-report";
import { AddToPayout } from "./add-to-payout";
import { BulkDecision } from "./review/bulk-decision";
import { MONEY_TERMS } from "@/lib/money-states";

export function ReferralsSummary({
  totals,
  selectedIds,
  selectedHere,
  onClearSelection,
}: {
  totals: ReportTotals;
  selectedIds: number[];
  /** How many of the selected rows are on this page (the selection survives paging). */
  selectedHere: number;
  onClearSelection: () => void;
}) {
  const selected = selectedIds.length;
  return (
    <div>
      <CardTitle id="referrals-title">Referrals</CardTitle>
      <p className="mt-1 text-sm text-ink-600" data-testid="filtered-total">
        <span className="font-semibold text-ink-900 tabular-nums">
          {totals.referrals.toLocaleString("en-US")}
        </span>{" "}
        {totals.referrals === 1 ? "referral matches" : "referrals match"} the filters
      </p>
      {/* The money states by their one name each (SPEC): On hold, Approved (owed), Paid, Reversed. */}
      <dl className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm" data-testid="filtered-money">
        {/* Direct commission of the matching referrals only; Payouts counts every referrer and every level
            (partner overrides, bonuses), so the two "Approved" figures measure different sets and say so. */}
        <div className="flex gap-1.5">
          <dt className="text-ink-500">Direct commission on them</dt>
          <dd className="font-medium text-ink-900 tabular-nums" data-testid="total-commission">
            {formatMoney(totals.commissionNetCents)}
          </dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-ink-500">{MONEY_TERMS.onHold.label}</dt>
          <dd className="tabular-nums">{formatMoney(totals.ledger.pendingCents)}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-ink-500">{MONEY_TERMS.approved.label}</dt>
          <dd className="tabular-nums">{formatMoney(totals.ledger.approvedCents)}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-ink-500">{MONEY_TERMS.paid.label}</dt>
          <dd className="tabular-nums">{formatMoney(totals.ledger.paidCents)}</dd>
        </div>
        {totals.ledger.reversedCents ? (
          <div className="flex gap-1.5">
            <dt className="text-ink-500">{MONEY_TERMS.reversed.label}</dt>
            <dd className="tabular-nums">{formatMoney(totals.ledger.reversedCents)}</dd>
          </div>
        ) : null}
      </dl>
      {/* Other currencies on lines of their own: never added to the usd figures above. */}
      {totals.otherCurrencies.map((c) => (
        <dl
          key={c.currency}
          className="mt-1 flex flex-wrap gap-x-5 gap-y-1 text-sm"
          data-testid={`filtered-money-${c.currency}`}
        >
          <div className="flex gap-1.5">
            <dt className="text-ink-500">In {c.currency.toUpperCase()}</dt>
            <dd className="font-medium text-ink-900 tabular-nums">{formatMoney(c.netCents, c.currency)}</dd>
          </div>
          <div className="flex gap-1.5">
            <dt className="text-ink-500">{MONEY_TERMS.onHold.label}</dt>
            <dd className="tabular-nums">{formatMoney(c.pendingCents, c.currency)}</dd>
          </div>
          <div className="flex gap-1.5">
            <dt className="text-ink-500">{MONEY_TERMS.approved.label}</dt>
            <dd className="tabular-nums">{formatMoney(c.approvedCents, c.currency)}</dd>
          </div>
          <div className="flex gap-1.5">
            <dt className="text-ink-500">{MONEY_TERMS.paid.label}</dt>
            <dd className="tabular-nums">{formatMoney(c.paidCents, c.currency)}</dd>
          </div>
          {c.reversedCents ? (
            <div className="flex gap-1.5">
              <dt className="text-ink-500">{MONEY_TERMS.reversed.label}</dt>
              <dd className="tabular-nums">{formatMoney(c.reversedCents, c.currency)}</dd>
            </div>
          ) : null}
        </dl>
      ))}
      <p className="mt-1 text-xs text-ink-500">
        {totals.eligible.toLocaleString("en-US")} eligible · {totals.flagged.toLocaleString("en-US")} flagged
        · {totals.commissionPaid.toLocaleString("en-US")} paid in full
      </p>
      {selected ? (
        <p className="mt-2 flex items-center gap-2 text-sm text-brand-800" aria-live="polite">
          <span className="font-medium" data-testid="selected-count">
            {selected} selected
          </span>
          {selected !== selectedHere ? (
            <span className="text-ink-500">({selectedHere} on this page)</span>
          ) : null}
          <Button variant="ghost" size="sm" onClick={onClearSelection}>
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
  );
}
