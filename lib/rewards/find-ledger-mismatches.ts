import { sql } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import type { DbOrTx } from "@/db/types";

const ledgerMismatch = z.object({
  userId: col.int,
  pointsBalance: col.int,
  pointsPending: col.int,
  pointsDebt: col.int,
  availableSum: col.int,
  pendingSum: col.int,
  remainingSum: col.int,
  debtSum: col.int,
});

export type LedgerMismatch = z.infer<typeof ledgerMismatch>;

/**
 * Users whose cached points disagree with their ledger: balance ≠ Σ available deltas, balance ≠ Σ what is
 * left of available credits, pending ≠ Σ pending deltas, debt ≠ Σ what is owed of take-backs — or a debt
 * standing beside a balance (later earnings pay a debt first). Always empty unless something wrote around
 * lib/rewards/ledger.ts; tests assert it after each case and /admin/rewards shows it.
 */
export async function findLedgerMismatches(db: DbOrTx): Promise<LedgerMismatch[]> {
  return rowsAs(
    await db.execute(sql`
      SELECT u.id AS "userId", u.points_balance AS "pointsBalance", u.points_pending AS "pointsPending",
             u.points_debt AS "pointsDebt",
             COALESCE(l.available, 0)::int AS "availableSum", COALESCE(l.pending, 0)::int AS "pendingSum",
             COALESCE(l.remaining, 0)::int AS "remainingSum",
             COALESCE(l.debt, 0)::int AS "debtSum"
        FROM users u
        LEFT JOIN (
          SELECT user_id,
                 sum(delta_points) FILTER (WHERE status = 'available') AS available,
                 sum(delta_points) FILTER (WHERE status = 'pending') AS pending,
                 sum(remaining_points) FILTER (WHERE status = 'available' AND delta_points > 0) AS remaining,
                 sum(debt_points) AS debt
            FROM points_ledger
           GROUP BY user_id
        ) l ON l.user_id = u.id
       WHERE u.points_balance <> COALESCE(l.available, 0)
          OR u.points_balance <> COALESCE(l.remaining, 0)
          OR u.points_pending <> COALESCE(l.pending, 0)
          OR u.points_debt <> COALESCE(l.debt, 0)
          OR (u.points_debt > 0 AND u.points_balance > 0)
       ORDER BY u.id`),
    ledgerMismatch,
  );
}
