import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import type { DbOrTx } from "@/db/types";
import type { CurrencyAmount } from "@/lib/money/currency-amounts";

/**
 * The earned bucket (commission-buckets.ts: every status but rejected, reversals netted) of a row of the
 * per-currency rollups of 0036 (`referral_currency_ledger`, `referrer_currency_stats`,
 * `report_currency_daily`), which keep a column per status instead of a row per status.
 */
export function currencyEarnedCents(alias: string): SQL {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`Not a table alias: ${alias}`);
  return sql.raw(
    `(${alias}.on_hold_cents + ${alias}.approved_cents + ${alias}.paid_cents + ${alias}.reversed_cents)`,
  );
}

/**
 * Each referral's direct commission (the earned bucket) in the currencies other than usd, as a scalar
 * subquery for the select list of the statement that reads the referrals: a JSON array of
 * `{currency, cents}` by currency (`[]` when none), from referral_currency_ledger (0036, kept by the
 * commissions' trigger) — one primary-key probe per row read, no extra round trip. The usd figure is the
 * referral's own `commission_amount_cents`; currencies whose amount nets to zero are left out. Read the
 * column with `otherCurrenciesColumn`.
 */
export function referralOtherCurrenciesSql(referralId: SQL): SQL {
  return sql`(SELECT coalesce(json_agg(json_build_object('currency', x.currency, 'cents', ${currencyEarnedCents("x")})
                                       ORDER BY x.currency), '[]'::json)
               FROM referral_currency_ledger x
              WHERE x.referral_id = ${referralId} AND ${currencyEarnedCents("x")} <> 0)`;
}

/** The column `referralOtherCurrenciesSql` selects, read as a list of amounts. */
export const otherCurrenciesColumn = col.json(
  z.array(z.object({ currency: z.string(), cents: z.coerce.number().int() })),
) satisfies z.ZodType<CurrencyAmount[]>;

/**
 * A referrer's direct commissions over their own referrals (the earned bucket) in the other currencies:
 * referrer_stats.commission_cents's companion (0036, a row per currency whatever the history).
 */
export async function getReferrerOtherCurrencies(db: DbOrTx, userId: number): Promise<CurrencyAmount[]> {
  return rowsAs(
    await db.execute(sql`
      SELECT s.currency, ${currencyEarnedCents("s")} AS cents
        FROM referrer_currency_stats s
       WHERE s.user_id = ${userId}::int AND ${currencyEarnedCents("s")} <> 0
       ORDER BY s.currency`),
    z.object({ currency: col.text, cents: col.cents }),
  );
}
