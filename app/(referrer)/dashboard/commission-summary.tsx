import { CommissionStatus } from "@/components/commissions/commission-status";
import { MoneyLabel } from "@/components/commissions/money-label";
import { OtherCurrencies } from "@/components/commissions/other-currencies";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CardList } from "@/components/ui/card-list";
import { formatDate, formatMoney } from "@/lib/format";
import type { MoneyState } from "@/lib/money-states";
import type { LedgerEntry } from "@/lib/queries/commission-summary";
import type { DashboardEarningsData } from "@/lib/queries/dashboard";

const LEVEL: Record<LedgerEntry["level"], string> = {
  direct: "Commission",
  partner: "Partner override",
  bonus: "Campaign bonus",
  retention: "Retention bonus",
};

function describe(entry: LedgerEntry): string {
  if (entry.kind === "reversal") return entry.note ?? "Reversal";
  const who = entry.referral ? ` · ${entry.referral.name}` : "";
  const on =
    entry.paymentCents !== null && entry.level !== "bonus" && entry.level !== "retention"
      ? ` on ${formatMoney(entry.paymentCents, entry.paymentCurrency ?? undefined)}`
      : "";
  return `${LEVEL[entry.level]}${on}${who}`;
}

/** What the referrer earned: earned, on hold, approved and paid, and the latest ledger rows. */
export function CommissionSummary({
  commission: { totals, otherCurrencies, entries, holdDays, minimumCents },
}: {
  commission: DashboardEarningsData["commission"];
}) {
  const stats: { state: MoneyState | "earned"; cents: number; note: string }[] = [
    { state: "earned", cents: totals.earnedCents, note: "All time, after refunds" },
    {
      state: "onHold",
      cents: totals.pendingCents,
      note: totals.inReviewCents
        ? `${formatMoney(totals.inReviewCents)} in review`
        : `${holdDays}-day refund window`,
    },
    { state: "approved", cents: totals.approvedCents, note: `Paid out from ${formatMoney(minimumCents)}` },
    { state: "paid", cents: totals.paidCents, note: "Sent to you" },
  ];

  return (
    <Card className="mb-8" role="region" aria-labelledby="commissions">
      <CardHeader>
        <CardTitle id="commissions">Commissions</CardTitle>
        <CardDescription>
          You earn on every payment your referrals make. Each commission is held {holdDays} days in case of a
          refund, then approved and paid in the next payout.
        </CardDescription>
      </CardHeader>
      <dl className="grid grid-cols-2 border-b border-ink-100 lg:grid-cols-4">
        {stats.map((s, i) => (
          <div
            key={s.state}
            className={`px-5 py-4 ${i % 2 ? "border-l border-ink-100" : ""} ${i >= 2 ? "border-t border-ink-100 lg:border-t-0" : ""} ${i === 2 ? "lg:border-l" : ""}`}
          >
            <dt className="text-sm font-medium text-ink-600">
              <MoneyLabel state={s.state} />
            </dt>
            <dd
              className="mt-1 text-2xl font-semibold tracking-tight text-ink-900 tabular-nums"
              data-testid={`commission-${s.state === "onHold" ? "on-hold" : s.state}`}
            >
              {formatMoney(s.cents)}
            </dd>
            <dd className="mt-1 text-xs text-ink-500">{s.note}</dd>
          </div>
        ))}
      </dl>
      <OtherCurrencies balances={otherCurrencies} className="border-b border-ink-100 px-5 py-4" />
      <CardList
        items={entries}
        aria-label="Latest commissions"
        empty={{
          title: "No commissions yet",
          text: "When someone you referred pays for MuseNest, your commission shows up here.",
        }}
      >
        {(entry) => (
          <li
            key={entry.id}
            className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-5 py-3 text-sm"
          >
            <div className="min-w-0 flex-1 basis-56">
              <p className="truncate font-medium text-ink-900">{describe(entry)}</p>
              <p className="text-xs text-ink-500">
                {formatDate(entry.createdAt)}
                {entry.referral ? ` · ${entry.referral.codeUsed}` : ""}
              </p>
            </div>
            <div className="flex items-center gap-3">
              <CommissionStatus
                status={entry.status}
                holdUntil={entry.holdUntil}
                inReview={entry.referral?.inReview ?? false}
              />
              <span
                className={`w-20 text-right font-semibold tabular-nums ${entry.amountCents < 0 ? "text-red-700" : "text-ink-900"}`}
              >
                {formatMoney(entry.amountCents, entry.currency)}
              </span>
            </div>
          </li>
        )}
      </CardList>
    </Card>
  );
}
