import { recordEvents } from "@/lib/events/record-event";
import { and, eq, inArray, lte, or, sql } from "drizzle-orm";
import { commissions, referralUsageLog } from "@/db/schema";
import type { DbOrTx, Tx } from "@/db/types";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { DomainError, notFound } from "@/lib/errors";
import { cancellableInPlace } from "./payable";
import { syncReferralSummaries } from "./referral-summary";
import { isCommitted, reverseEarnings } from "./reverse-commissions";

/**
 * An admin approved a (flagged) referral: it becomes eligible, and its commissions leave the review
 * hold — those whose hold period has passed are approved now, the others when it passes. The review
 * queue calls this in its transaction; a rejected referral cannot be released (rejection is final).
 */
export async function releaseReferralCommissions(
  db: DbOrTx,
  referralId: number,
  actor: AuditActor,
  now: Date = new Date(),
): Promise<{ approvedNow: number; stillOnHold: number }> {
  return db.transaction(async (tx) => {
    const referral = await lockReferral(tx, referralId);
    if (referral.reviewStatus === "rejected") {
      throw new DomainError(
        "referral_rejected",
        "This referral was rejected; its commissions can't be released",
        {
          status: 409,
        },
      );
    }
    await tx
      .update(referralUsageLog)
      .set({
        commissionEligible: true,
        ...(referral.reviewStatus === "pending"
          ? { reviewStatus: "approved" as const, reviewedByUserId: actor.actorUserId, reviewedAt: now }
          : {}),
      })
      .where(eq(referralUsageLog.id, referralId));
    const approved = await tx
      .update(commissions)
      .set({ status: "approved", approvedAt: now, updatedAt: now })
      .where(
        and(
          eq(commissions.referralId, referralId),
          eq(commissions.status, "pending"),
          lte(commissions.holdUntil, now),
        ),
      )
      .returning();
    await recordEvents(
      tx,
      approved.map((data) => ({ type: "commission.approved" as const, data })),
    );
    const [{ held }] = await tx
      .select({ held: sql<number>`count(*)::int` })
      .from(commissions)
      .where(and(eq(commissions.referralId, referralId), eq(commissions.status, "pending")));
    await writeAudit(tx, actor, {
      action: "referral.commissions_released",
      entityType: "referral",
      entityId: referralId,
      details: { approvedNow: approved.length, stillOnHold: held },
    });
    return { approvedNow: approved.length, stillOnHold: held };
  });
}

/**
 * An admin's fraud decision: the referral is rejected and earns nothing more. Its commissions not yet
 * paid (nor in a payout batch) become `rejected`, with their reversals; those already paid stay in the
 * history and are clawed back by a reversal deducted from the beneficiary's next payout.
 */
export async function rejectReferralCommissions(
  db: DbOrTx,
  referralId: number,
  actor: AuditActor,
  now: Date = new Date(),
): Promise<{ rejected: number; clawedBackCents: number }> {
  return db.transaction(async (tx) => {
    await lockReferral(tx, referralId);
    await tx
      .update(referralUsageLog)
      .set({
        commissionEligible: false,
        reviewStatus: "rejected",
        reviewedByUserId: actor.actorUserId,
        reviewedAt: now,
      })
      .where(eq(referralUsageLog.id, referralId));
    const earnings = await tx
      .select()
      .from(commissions)
      .where(and(eq(commissions.referralId, referralId), eq(commissions.kind, "earning")))
      .orderBy(commissions.id)
      .for("update");
    const open = earnings.filter(
      (e) => !isCommitted(e) && (e.status === "pending" || e.status === "approved"),
    );
    const rejected = open.length
      ? await tx
          .update(commissions)
          .set({ status: "rejected", updatedAt: now })
          .where(
            and(
              cancellableInPlace(commissions),
              or(
                inArray(
                  commissions.id,
                  open.map((e) => e.id),
                ),
                inArray(
                  commissions.reversesCommissionId,
                  open.map((e) => e.id),
                ),
              ),
            ),
          )
          .returning({ id: commissions.id })
      : [];
    const clawbacks = await reverseEarnings(tx, {
      earnings: earnings.filter(isCommitted),
      targetCents: (earning) => earning.amountCents,
      paymentId: null,
      note: "Clawback: referral rejected",
      now,
    });
    const clawedBackCents = -clawbacks.reduce((sum, r) => sum + r.amountCents, 0);
    await syncReferralSummaries(tx, [referralId]);
    await writeAudit(tx, actor, {
      action: "referral.commissions_rejected",
      entityType: "referral",
      entityId: referralId,
      details: { rejected: rejected.length, clawedBackCents },
    });
    return { rejected: rejected.length, clawedBackCents };
  });
}

async function lockReferral(tx: Tx, referralId: number) {
  const [referral] = await tx
    .select({ id: referralUsageLog.id, reviewStatus: referralUsageLog.reviewStatus })
    .from(referralUsageLog)
    .where(eq(referralUsageLog.id, referralId))
    .for("update");
  if (!referral) throw notFound("Referral");
  return referral;
}
