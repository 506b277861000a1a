import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { BASE_CURRENCY } from "@/lib/money/currencies";
import { inCommissionBucket, sumCommissionBucket } from "./commission-buckets";

/**
 * Refreshes the seed's per-referral summaries on referral_usage_log from the ledger, inside the caller's
 * transaction (so they can never disagree with it):
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

/**
 * The same refresh of one referral as a statement to run inside the statement that writes its new
 * commission rows (a CTE beside the INSERT): `written` names the relation of those rows (the INSERT's
 * RETURNING), which the statement's snapshot does not show in `commissions` yet. One round trip less for
 * a payment, inside the referrer's lock.
 */
export function referralSummaryUpdateWith(referralId: number, written: SQL): SQL {
  return summariesUpdate(
    sql`VALUES (${referralId}::bigint)`,
    sql`(SELECT referral_id, level, kind, status, amount_cents, currency FROM commissions
          WHERE referral_id = ${referralId}
         UNION ALL
         SELECT referral_id, level, kind, status, amount_cents, currency FROM ${written})`,
  );
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
