import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { commissions } from "@/db/schema";
import { col, rowsAs } from "@/db/rows";
import type { DbOrTx } from "@/db/types";

/**
 * The one home of the commission buckets: which ledger rows each money figure sums. Every query that
 * shows earned / on hold / approved / paid money filters with these fragments, so no two pages can
 * disagree about them.
 *
 *   earned   = every row but rejected ones. Reversals are negative rows, so this is net of them.
 *   onHold   = rows still in their hold (status `pending`; the spec's money state "On hold").
 *   approved = rows past the hold, not yet paid (negative carried-forward reversals included).
 *   paid     = rows paid in a payout batch.
 *   unpaid   = onHold + approved: the seed's `commission_pending` ("earned, not yet paid").
 *   reversed = rows `reversed` in full before payment (an earning and its reversals: they net to zero).
 *   rejected = rows of a referral rejected as fraud.
 * Hence earned = onHold + approved + paid, to the cent.
 *
 * The `referral_performance` view (db/migrations/0007_money_bigint.sql) spells the same three sums in
 * SQL for operators; commission-buckets.test.ts holds it equal to these fragments.
 */
const BUCKET_STATUS = {
  earned: sql.raw(`<> 'rejected'`),
  onHold: sql.raw(`= 'pending'`),
  approved: sql.raw(`= 'approved'`),
  paid: sql.raw(`= 'paid'`),
  unpaid: sql.raw(`IN ('pending', 'approved')`),
  reversed: sql.raw(`= 'reversed'`),
  rejected: sql.raw(`= 'rejected'`),
} as const;

export type CommissionBucket = keyof typeof BUCKET_STATUS;

/**
 * How the query names the commissions table: its alias in raw SQL (`FROM commissions c` → `"c"`, the
 * default), or the table itself inside Drizzle's query builder.
 */
export type CommissionsRef = string | typeof commissions;

const ALIAS = /^[a-z_][a-z0-9_]*$/;

const COLUMNS = { status: "status", amount_cents: "amountCents", payout_id: "payoutId" } as const;

/** A column of the commissions table `ref` names, in raw SQL or the query builder alike. */
export function commissionColumn(ref: CommissionsRef, name: keyof typeof COLUMNS): SQL {
  if (typeof ref !== "string") return sql`${ref[COLUMNS[name]]}`;
  if (!ALIAS.test(ref)) throw new Error(`Not a table alias: ${ref}`);
  return sql.raw(`${ref}.${name}`);
}
const column = commissionColumn;

/** The condition "this commission row counts in `bucket`", for a WHERE or a FILTER. */
export function inCommissionBucket(bucket: CommissionBucket, ref: CommissionsRef = "c"): SQL {
  return sql`${column(ref, "status")} ${BUCKET_STATUS[bucket]}`;
}

/**
 * `sum(amount_cents) FILTER (WHERE <bucket> [AND also])`: NULL when no row counts, as SQL's sum is
 * (callers COALESCE or read it with `?? 0`).
 */
export function sumCommissionBucket(bucket: CommissionBucket, ref: CommissionsRef = "c", also?: SQL): SQL {
  const where = also ? sql`${inCommissionBucket(bucket, ref)} AND ${also}` : inCommissionBucket(bucket, ref);
  return sql`sum(${column(ref, "amount_cents")}) FILTER (WHERE ${where})`;
}

export type CommissionBucketCents = {
  earnedCents: number;
  onHoldCents: number;
  approvedCents: number;
  paidCents: number;
  unpaidCents: number;
};

/** The select list `earned, on_hold, approved, paid, unpaid` over commissions `ref`; read it with readCommissionBuckets. */
export function commissionBucketColumns(ref: CommissionsRef = "c"): SQL {
  return sql`${sumCommissionBucket("earned", ref)} AS earned,
             ${sumCommissionBucket("onHold", ref)} AS on_hold,
             ${sumCommissionBucket("approved", ref)} AS approved,
             ${sumCommissionBucket("paid", ref)} AS paid,
             ${sumCommissionBucket("unpaid", ref)} AS unpaid`;
}

/** The shape of commissionBucketColumns' columns in a raw row (a sum over no rows is NULL → 0). */
export const commissionBucketRow = z.object({
  earned: col.sumCents,
  on_hold: col.sumCents,
  approved: col.sumCents,
  paid: col.sumCents,
  unpaid: col.sumCents,
});

/** A row selected with commissionBucketColumns, read with commissionBucketRow → cents. */
export function readCommissionBuckets(
  row: z.infer<typeof commissionBucketRow> | undefined,
): CommissionBucketCents {
  return {
    earnedCents: row?.earned ?? 0,
    onHoldCents: row?.on_hold ?? 0,
    approvedCents: row?.approved ?? 0,
    paidCents: row?.paid ?? 0,
    unpaidCents: row?.unpaid ?? 0,
  };
}

/** The buckets over the commission rows `where` selects (written over `FROM commissions c`). */
export async function sumCommissionBuckets(db: DbOrTx, where: SQL): Promise<CommissionBucketCents> {
  const [row] = rowsAs(
    await db.execute(sql`SELECT ${commissionBucketColumns("c")} FROM commissions c WHERE ${where}`),
    commissionBucketRow,
  );
  return readCommissionBuckets(row);
}

/**
 * The same buckets over a rollup of this ledger — `commission_totals` or `commission_daily`
 * (db/migrations/0010_referral_rollups.sql). Their rows keep the ledger's `status` and the sum of its
 * `amount_cents` per key, so the one BUCKET_STATUS predicate applied to the rollup's `status` column
 * adds up to the same cents as applied to the ledger rows: one number, one meaning, read in a few index
 * lookups instead of a sum over the beneficiary's whole ledger. `alias` names the rollup in the query
 * (`FROM commission_totals t` → `"t"`).
 */
export function sumRollupBucket(bucket: CommissionBucket, alias: string, also?: SQL): SQL {
  return sumCommissionBucket(bucket, alias, also);
}

/** commissionBucketColumns over a rollup (see sumRollupBucket); read it with commissionBucketRow. */
export function rollupBucketColumns(alias: string): SQL {
  return commissionBucketColumns(alias);
}
