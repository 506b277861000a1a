import { formatMoney } from "@/lib/format";
import type { CurrencyBalance } from "@/lib/queries/currency-balances";

/**
 * Commission money in currencies other than usd, one line per currency (never added to the usd figures
 * beside it): the referrer's earnings page and the admin client page show the same lines.
 */
export function OtherCurrencies({
  balances,
  className = "",
}: {
  balances: CurrencyBalance[];
  className?: string;
}) {
  if (!balances.length) return null;
  return (
    <div className={className} data-testid="commission-other-currencies">
      <h3 className="text-sm font-medium text-ink-600">In other currencies</h3>
      <p className="mt-1 text-xs text-ink-500">
        Earned in the currency the referral paid in; each currency is paid out on its own.
      </p>
      <ul className="mt-2 space-y-1 text-sm">
        {balances.map((b) => (
          <li key={b.currency} className="flex flex-wrap justify-between gap-x-4 tabular-nums">
            <span className="font-semibold text-ink-900">
              {formatMoney(b.earnedCents, b.currency)} earned
            </span>
            <span className="text-ink-600">
              {formatMoney(b.onHoldCents, b.currency)} on hold · {formatMoney(b.approvedCents, b.currency)}{" "}
              approved · {formatMoney(b.paidCents, b.currency)} paid
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
