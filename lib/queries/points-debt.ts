import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { jsonCol, jsonRead, type JsonRead } from "@/db/json-batch";

export type OpenPointsDebt = {
  /** The take-back row. */
  id: number;
  /** What is still owed of it. */
  owedPoints: number;
  /** Why the points were taken back, in words ("120 points taken back: the payment of m***@… was refunded"). */
  reason: string;
  createdAt: Date;
};

export type PointsDebt = { debtPoints: number; debts: OpenPointsDebt[] };

/**
 * A referrer's points debt — points taken back after they were spent — with each open debt's reason,
 * oldest first (the order later earnings pay them). Read from the open take-back rows only (a partial index
 * holds exactly those), so its total is users.points_debt (lib/rewards/find-ledger-mismatches.ts checks the
 * two agree). The dashboard's Rewards tab, /redeem and GET /api/rewards all show this one read.
 */
export function pointsDebtRead(userId: number): JsonRead<PointsDebt> {
  return jsonRead(
    sql`SELECT json_agg(json_build_object('id', d.id, 'owed', d.debt_points, 'note', d.note, 'at', d.created_at)
                        ORDER BY d.created_at, d.id)
          FROM points_ledger d WHERE d.user_id = ${userId} AND d.debt_points > 0`,
    jsonCol.list(
      z.object({ id: jsonCol.int, owed: jsonCol.int, note: jsonCol.nullableText, at: jsonCol.timestamp }),
    ),
    (rows) => ({
      debtPoints: rows.reduce((sum, r) => sum + r.owed, 0),
      debts: rows.map((r) => ({
        id: r.id,
        owedPoints: r.owed,
        reason: r.note ?? "Points taken back",
        createdAt: r.at,
      })),
    }),
  );
}
