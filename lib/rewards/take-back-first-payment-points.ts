import { and, eq, gt, isNotNull, sql } from "drizzle-orm";
import { pointsLedger } from "@/db/schema";
import type { Tx } from "@/db/types";
import { takeBackPoints } from "./ledger";

export type TakeBackResult = { takenPoints: number; debtPoints: number };

/**
 * A refund or chargeback left the referred client with nothing paid (net paid = payments − refunds −
 * chargebacks = 0, the end of a qualified referral in SPEC's one definition): the referrer's points that the
 * client's first payment released (the qualifying-activity rule: rows held `awaits_first_payment`, now
 * available) are taken back by one ledger row. What the balance can't cover — points already spent — becomes
 * a points debt that later earnings pay off first; the row's note says why, for the referrer.
 *
 * The rule is about the client having paid, not about one payment row: a renewal that still stands keeps
 * the points although the first payment was refunded, and whichever refund brings net paid to 0 takes them
 * back. Once per referral (a unique index backs it): points taken back do not come back with a later
 * payment. Partial refunds take nothing back — the qualifying activity is whether the client paid at all.
 *
 * The caller holds the referrer's row lock (recordPayment's refund path takes it first), so the balance read
 * and the once-per-referral check are current.
 */
export async function takeBackFirstPaymentPoints(
  tx: Tx,
  input: {
    referralId: number;
    referrerId: number;
    /** The refund or chargeback that brought the client's net paid to 0. */
    refund: { id: number; type: "refund" | "chargeback" };
    /** How the referrer knows the client (masked e-mail), for the note. */
    clientLabel: string;
    now: Date;
  },
): Promise<TakeBackResult | null> {
  const released = await tx
    .select({
      id: pointsLedger.id,
      deltaPoints: pointsLedger.deltaPoints,
      takenBack: sql<boolean>`EXISTS (SELECT 1 FROM points_ledger t
                  WHERE t.referral_id = ${input.referralId} AND t.reason = 'reversal' AND t.payment_id IS NOT NULL)`,
    })
    .from(pointsLedger)
    .where(
      and(
        eq(pointsLedger.referralId, input.referralId),
        eq(pointsLedger.userId, input.referrerId),
        eq(pointsLedger.awaitsFirstPayment, true),
        eq(pointsLedger.status, "available"),
        gt(pointsLedger.deltaPoints, 0),
        isNotNull(pointsLedger.referralId),
      ),
    );
  if (!released.length || released[0].takenBack) return null;
  const points = released.reduce((sum, row) => sum + row.deltaPoints, 0);
  const how = input.refund.type === "chargeback" ? "charged back" : "refunded";
  const { takenPoints, debtPoints } = await takeBackPoints(tx, {
    userId: input.referrerId,
    points,
    referralId: input.referralId,
    paymentId: input.refund.id,
    note: `${points.toLocaleString("en-US")} points taken back: the payment of ${input.clientLabel} was ${how}`,
    now: input.now,
    fromLots: released.map((row) => row.id),
  });
  return { takenPoints, debtPoints };
}
