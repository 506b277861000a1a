import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import { idArrayParam } from "@/db/sql-values";
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
 * Each referral's direct commission (the earned bucket) in the currencies other than usd, from
 * referral_currency_ledger (0036, kept by the commissions' trigger): one index probe per referral, for the
 * rows of one page. The usd figure is the referral's own `commission_amount_cents`; a referral paid in
 * several currencies has one entry per currency, and currencies whose amount nets to zero are left out.
 */
export async function getReferralOtherCurrencies(
  db: DbOrTx,
  referralIds: number[],
): Promise<Map<number, CurrencyAmount[]>> {
  const out = new Map<number, CurrencyAmount[]>();
  if (!referralIds.length) return out;
  const rows = rowsAs(
    await db.execute(sql`
      SELECT x.referral_id, x.currency, ${currencyEarnedCents("x")} AS cents
        FROM referral_currency_ledger x
       WHERE x.referral_id = ANY(${idArrayParam(referralIds)}) AND ${currencyEarnedCents("x")} <> 0
       ORDER BY x.referral_id, x.currency`),
    z.object({ referral_id: col.int, currency: col.text, cents: col.cents }),
  );
  for (const r of rows) {
    const list = out.get(r.referral_id) ?? [];
    list.push({ currency: r.currency, cents: r.cents });
    out.set(r.referral_id, list);
  }
  return out;
}

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
