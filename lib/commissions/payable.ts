import { sql, type SQL } from "drizzle-orm";
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
 * A referrer's approved balance (net of carried-forward reversals) is paid when they are active and it
 * reaches the minimum payout; a negative or zero balance waits, whatever the minimum.
 */
export function isPayableBalance(
  balance: { status: string; approvedCents: number },
  minimumCents: number,
): boolean {
  return balance.status === "active" && isPayableAmount(balance.approvedCents, minimumCents);
}

function isPayableAmount(cents: number, minimumCents: number): boolean {
  return cents >= minimumCents && cents > 0;
}

/** `isPayableBalance`'s amount test in SQL, over a sum expression (the batch's HAVING and re-check). */
export function payableAmount(cents: SQL, minimumCents: number): SQL {
  return sql`(${cents} >= ${minimumCents} AND ${cents} > 0)`;
}
