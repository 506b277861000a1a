import { recordEvents } from "@/lib/events/record-event";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { commissions } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { cancellableInPlace } from "./payable";

export type Commission = typeof commissions.$inferSelect;

/**
 * Whether an earning has left the building: paid, or locked into a payout batch (the batch's total and
 * its CSV are fixed). Reversing such an earning cannot touch it; the reversal is carried into the
 * beneficiary's next payout as a negative amount instead.
 */
export function isCommitted(earning: Pick<Commission, "status" | "payoutId">): boolean {
  return earning.status === "paid" || earning.payoutId !== null;
}

/**
 * Reverses earnings up to a target each, adding `reversal` rows (negative cents) that point at them;
 * the earnings themselves are never edited except for their status. The caller passes earnings it has
 * locked (`FOR UPDATE`), so what was already reversed is read after any concurrent reversal committed.
 *
 * `targetCents(earning)` is the cumulative amount that should be reversed by now (e.g. the refunded
 * share); only the difference to what earlier reversals took is added, so repeated partial refunds
 * can never reverse more than the earning, and a full refund in pieces reverses it exactly.
 *
 * - Earning still in the hold or approved and not in a batch: the reversal follows it (same status
 *   and hold), so the two are approved and paid together, netted; fully reversed → both `reversed`.
 * - Earning paid or in a batch: the reversal is `approved` now and nets against the next payout.
 */
export async function reverseEarnings(
  tx: DbOrTx,
  opts: {
    earnings: Commission[];
    targetCents: (earning: Commission) => number;
    paymentId: number | null;
    note: string;
    now: Date;
  },
): Promise<Commission[]> {
  const live = opts.earnings.filter(
    (e) => e.kind === "earning" && e.status !== "reversed" && e.status !== "rejected",
  );
  if (!live.length) return [];
  const reversedSoFar = await reversedCents(
    tx,
    live.map((e) => e.id),
  );
  const created: Commission[] = [];
  for (const earning of live) {
    const target = Math.min(Math.max(opts.targetCents(earning), 0), earning.amountCents);
    const delta = target - (reversedSoFar.get(earning.id) ?? 0);
    if (delta <= 0) continue;
    const committed = isCommitted(earning);
    const status = committed ? "approved" : earning.status;
    const [row] = await tx
      .insert(commissions)
      .values({
        beneficiaryUserId: earning.beneficiaryUserId,
        referralId: earning.referralId,
        paymentId: opts.paymentId,
        campaignId: earning.campaignId,
        level: earning.level,
        kind: "reversal",
        reversesCommissionId: earning.id,
        amountCents: -delta,
        currency: earning.currency,
        status,
        holdUntil: committed ? opts.now : earning.holdUntil,
        approvedAt: status === "approved" ? opts.now : null,
        note: committed ? `${opts.note} (after payout: deducted from the next payout)` : opts.note,
        createdAt: opts.now,
        updatedAt: opts.now,
      })
      .returning();
    created.push(row);
    if (!committed && target === earning.amountCents) {
      // Fully reversed before it was paid: the earning and all its reversals end as `reversed`.
      await tx
        .update(commissions)
        .set({ status: "reversed", updatedAt: opts.now })
        .where(
          and(
            cancellableInPlace(commissions),
            sql`(${commissions.id} = ${earning.id} OR ${commissions.reversesCommissionId} = ${earning.id})`,
          ),
        );
      row.status = "reversed";
    }
  }
  await recordEvents(
    tx,
    created.map((data) => ({ type: "commission.reversed" as const, data })),
  );
  return created;
}

/** Cents already reversed per earning (positive), rejected reversals excluded. */
async function reversedCents(tx: DbOrTx, earningIds: number[]): Promise<Map<number, number>> {
  const rows = await tx
    .select({
      earningId: commissions.reversesCommissionId,
      cents: sql<string>`-sum(${commissions.amountCents})`,
    })
    .from(commissions)
    .where(
      and(
        eq(commissions.kind, "reversal"),
        inArray(commissions.reversesCommissionId, earningIds),
        ne(commissions.status, "rejected"),
      ),
    )
    .groupBy(commissions.reversesCommissionId);
  return new Map(rows.map((r) => [Number(r.earningId), Number(r.cents)]));
}
