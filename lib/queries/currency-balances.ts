import { sql } from "drizzle-orm";
import { col, rowsAs } from "@/db/rows";
import type { DbOrTx } from "@/db/types";
import {
  commissionBucketRow,
  readCommissionBuckets,
  rollupBucketColumns,
  type CommissionBucketCents,
} from "@/lib/commissions/commission-buckets";
import { BASE_CURRENCY } from "@/lib/money/currencies";

export type CurrencyBalance = CommissionBucketCents & { currency: string };

/**
 * A beneficiary's commission buckets (earned, on hold, approved, paid, unpaid) per currency, base currency
 * first: the one read of per-currency money for the dashboard and the API. From commission_currency_totals
 * (0027: per beneficiary, currency and status), so a few index rows, whatever the history; the buckets are
 * commission-buckets.ts's, applied to the rollup's status. Amounts of two currencies are never added.
 */
export async function getCurrencyBalances(db: DbOrTx, beneficiaryId: number): Promise<CurrencyBalance[]> {
  const rows = rowsAs(
    await db.execute(sql`
      SELECT t.currency, ${rollupBucketColumns("t")}
        FROM commission_currency_totals t
       WHERE t.beneficiary_user_id = ${beneficiaryId}
       GROUP BY t.currency
      HAVING bool_or(t.entries <> 0)
       ORDER BY t.currency <> ${BASE_CURRENCY}, t.currency`),
    commissionBucketRow.extend({ currency: col.text }),
  );
  return rows.map((row) => ({ currency: row.currency, ...readCommissionBuckets(row) }));
}
