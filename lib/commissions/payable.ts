import { sql, type SQL } from "drizzle-orm";
import { BASE_CURRENCY, minimumInCurrency } from "@/lib/money/currencies";
import { commissionColumn, inCommissionBucket, type CommissionsRef } from "./commission-buckets";

// The one home of "what gets paid out": which commission rows a payout batch may claim, which may still be
// cancelled outright, and whose balance is paid. The batch, the "Add to a payout" action and the payouts
// page all read these, so the page's "payable" list is exactly what the next batch pays.

/** Approved (its hold is over) and in no payout batch yet: what the next batch claims. */
export function awaitingPayout(ref: CommissionsRef = "c"): SQL {
  return sql`${inCommissionBucket("approved", ref)} AND ${commissionColumn(ref, "payout_id")} IS NULL`;
}

/**
 * Not paid and in no batch: such a row can still be reversed or rejected in place. Once in a batch the
 * money is on its way, so a refund becomes a negative row carried forward instead.
 */
export function cancellableInPlace(ref: CommissionsRef = "c"): SQL {
  return sql`${inCommissionBucket("unpaid", ref)} AND ${commissionColumn(ref, "payout_id")} IS NULL`;
}

/**
 * A referrer's approved balance in one currency (net of carried-forward reversals) is paid when they are
 * active and it reaches the minimum payout in that currency; a negative or zero balance waits, whatever
 * the minimum. `minimumCents` is the setting (base-currency cents), scaled by minimumInCurrency.
 */
export function isPayableBalance(
  balance: { status: string; approvedCents: number; currency?: string },
  minimumCents: number,
): boolean {
  const minimum = minimumInCurrency(minimumCents, balance.currency ?? BASE_CURRENCY);
  return balance.status === "active" && isPayableAmount(balance.approvedCents, minimum);
}

function isPayableAmount(cents: number, minimumCents: number): boolean {
  return cents >= minimumCents && cents > 0;
}

/** `isPayableBalance`'s amount test in SQL, over a sum expression (the batch's HAVING and re-check). */
export function payableAmountSql(cents: SQL, minimum: SQL): SQL {
  return sql`(${cents} >= ${minimum} AND ${cents} > 0)`;
}

/**
 * The minimum payout in the currency of `ref`'s `currency` column, as SQL: a CASE over the `currencies`
 * that can occur (minimumInCurrency of each), so the rule has one home in TypeScript.
 */
export function minimumByCurrency(ref: string, currencies: string[], minimumCents: number): SQL {
  if (!/^[a-z_][a-z0-9_]*$/.test(ref)) throw new Error(`Not a table alias: ${ref}`);
  const column = sql.raw(`${ref}.currency`);
  if (!currencies.length) return sql`${minimumCents}::bigint`;
  return sql`(CASE ${column} ${sql.join(
    currencies.map((c) => sql`WHEN ${c} THEN ${minimumInCurrency(minimumCents, c)}::bigint`),
    sql` `,
  )} ELSE ${minimumCents}::bigint END)`;
}
