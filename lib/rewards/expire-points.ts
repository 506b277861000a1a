import { and, asc, gt, lte } from "drizzle-orm";
import { pointsLedger } from "@/db/schema";
import type { DbOrTx, Tx } from "@/db/types";
import { formatDate } from "@/lib/format";
import { debitPoints, LOT_FIELDS, lockPointsAccount, spendableLots } from "./ledger";
import { expiredLots } from "./rules";

const USERS_PER_BATCH = 500;

/**
 * One user's points whose expiry has come: one `expiry` row for what is left of them. Under the user's
 * points lock, so a redemption running at the same moment either spends those points first or finds them
 * gone — never both. The debit consumes oldest first, which is exactly the expired lots: they sort first.
 */
export async function expireUserPoints(tx: Tx, userId: number, now: Date): Promise<number> {
  await lockPointsAccount(tx, userId);
  const lots = await tx
    .select(LOT_FIELDS)
    .from(pointsLedger)
    .where(and(spendableLots(userId), lte(pointsLedger.expiresAt, now)))
    .orderBy(asc(pointsLedger.expiresAt), asc(pointsLedger.createdAt), asc(pointsLedger.id));
  const expired = expiredLots(lots, now);
  const points = expired.reduce((sum, lot) => sum + lot.remainingPoints, 0);
  if (points === 0) return 0;
  const first = expired[0].createdAt;
  const last = expired.at(-1)!.createdAt;
  const earned =
    formatDate(first) === formatDate(last) ? formatDate(first) : `${formatDate(first)} – ${formatDate(last)}`;
  await debitPoints(tx, { userId, points, reason: "expiry", note: `Earned ${earned}`, now });
  return points;
}

/**
 * The expiry job (in-app timer and `npm run jobs:expire`): every user's points past their expiry date
 * expire, oldest first, one transaction per user. Idempotent: a second run finds nothing left to expire.
 */
export async function expirePoints(db: DbOrTx, now = new Date()): Promise<{ users: number; points: number }> {
  let usersTouched = 0;
  let points = 0;
  let afterUserId = 0;
  for (;;) {
    const due = await db
      .selectDistinct({ userId: pointsLedger.userId })
      .from(pointsLedger)
      .where(and(spendableLots(), lte(pointsLedger.expiresAt, now), gt(pointsLedger.userId, afterUserId)))
      .orderBy(pointsLedger.userId)
      .limit(USERS_PER_BATCH);
    if (!due.length) break;
    for (const { userId } of due) {
      afterUserId = userId;
      const expired = await db.transaction((tx) => expireUserPoints(tx, userId, now));
      if (expired > 0) {
        usersTouched++;
        points += expired;
      }
    }
  }
  return { users: usersTouched, points };
}
