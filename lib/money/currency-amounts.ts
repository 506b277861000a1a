import { centsToDecimal } from "@/lib/format";
import { BASE_CURRENCY } from "./currencies";

/** An amount in one currency's minor units; a list of them is never added up across currencies. */
export type CurrencyAmount = { currency: string; cents: number };

/**
 * A usd amount and the other currencies' as one list, usd first (when not zero, or when nothing else
 * is there): what the API's `commission_by_currency` and the pages show.
 */
export function withBaseCurrency(usdCents: number, others: CurrencyAmount[]): CurrencyAmount[] {
  return usdCents !== 0 || !others.length
    ? [{ currency: BASE_CURRENCY, cents: usdCents }, ...others]
    : others;
}

/** Amounts per currency as the API writes them (lib/openapi/shapes.ts `currencyAmount`). */
export function currencyAmountsJson(amounts: CurrencyAmount[]) {
  return amounts.map((a) => ({
    currency: a.currency,
    amount: centsToDecimal(a.cents, a.currency),
    amount_cents: a.cents,
  }));
}
