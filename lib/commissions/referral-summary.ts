import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { BASE_CURRENCY } from "@/lib/money/currencies";
import { inCommissionBucket, sumCommissionBucket } from "./commission-buckets";

/**
 * Refreshes the per-referral summaries on referral_usage_log from the ledger, inside the caller's
 * transaction (so they can never disagree with it). Since 0041 the commissions' own trigger
 * (report_commission_stmt) writes them with every change of a referral's direct rows, in the same
 * UPDATE as the ledger columns; this statement is for writes that skip triggers (the seed's bulk load)
 * and is a no-op (no row written) after a trigger already did it:
 *   commission_amount_cents = the referral's direct commissions in the earned bucket (net of reversals,
 *                             rejected rows excluded; the same as the per-code `total_commission_earned`),
 *                             in the base currency (usd) only: the report rollups summing it have no
 *                             currency in their key (0027), so other currencies never enter it;
 *   commission_paid         = some direct earning was paid and none is still unpaid (on hold or approved).
 * `referralIds` is a list of ids or a subquery returning them.
 */
export async function syncReferralSummaries(tx: DbOrTx, referralIds: number[] | SQL): Promise<void> {
  if (Array.isArray(referralIds)) {
    const ids = [...new Set(referralIds.filter((id) => id !== null && id !== undefined))];
    if (!ids.length) return;
    referralIds = sql`VALUES ${sql.join(
      ids.map((id) => sql`(${id}::bigint)`),
      sql`, `,
    )}`;
  }
  await tx.execute(summariesUpdate(referralIds, sql`commissions`));
}

/** The UPDATE of the summaries of `referralIds` from the commission rows `rows` (a table or a subquery). */
function summariesUpdate(referralIds: SQL, rows: SQL): SQL {
  return sql`
    UPDATE referral_usage_log l
       SET commission_amount_cents = s.net_cents,
           commission_paid = s.paid
      FROM (
        SELECT r.id,
               COALESCE(${sumCommissionBucket("earned", "c", baseCurrency)}, 0)::bigint AS net_cents,
               COALESCE(bool_or(c.kind = 'earning' AND ${inCommissionBucket("paid")}), false)
                 AND NOT COALESCE(bool_or(${inCommissionBucket("unpaid")}), false) AS paid
          FROM referral_usage_log r
          LEFT JOIN ${rows} c ON c.referral_id = r.id AND c.level = 'direct'
         WHERE r.id IN (${referralIds})
         GROUP BY r.id
      ) s
     WHERE l.id = s.id
       AND (l.commission_amount_cents, l.commission_paid) IS DISTINCT FROM (s.net_cents, s.paid)`;
}

const baseCurrency = sql.raw(`c.currency = '${BASE_CURRENCY}'`);
