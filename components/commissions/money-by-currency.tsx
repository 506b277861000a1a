import { formatMoney } from "@/lib/format";
import type { CurrencyAmount } from "@/lib/money/currency-amounts";

/**
 * Amounts in several currencies, one line each (never added together): a referral paid in euros shows
 * its € commission, one paid in two currencies both. An empty list is $0.00.
 */
export function MoneyByCurrency({ amounts }: { amounts: CurrencyAmount[] }) {
  if (!amounts.length) return <>{formatMoney(0)}</>;
  return (
    <>
      {amounts.map((a) => (
        <span key={a.currency} className="block whitespace-nowrap" data-currency={a.currency}>
          {formatMoney(a.cents, a.currency)}
        </span>
      ))}
    </>
  );
}
