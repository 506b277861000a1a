import { and, eq } from "drizzle-orm";
import { referralUsageLog } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { writeAudit, type AuditActor } from "@/lib/audit";
import {
  rejectReferralCommissions,
  releaseReferralCommissions,
} from "@/lib/commissions/release-or-reject-referral-commissions";
import { recordEvent } from "@/lib/events/record-event";
import { referralJson } from "@/lib/events/resource-json";
import { rejectReferralPoints, releaseReferralPoints } from "@/lib/rewards/release-or-reject-referral-points";

export type ReviewDecision = "approve" | "reject";

export type ReviewReferralsResult = {
  /** Referrals this call decided. */
  decided: number[];
  /** Referrals that were not pending review (already decided, by someone else perhaps, or unknown). */
  skipped: number[];
};

/**
 * An admin decides on flagged referrals: approval releases their held commissions and pending points,
 * rejection rejects them. One transaction per referral, so one bad row does not undo the others.
 *
 * The decision is claimed with a conditional UPDATE (`review_status = 'pending'`): when two admins decide
 * the same referral at once, the second waits on the row lock, then matches nothing and skips it — money
 * and points are released (or rejected) exactly once.
 */
export async function reviewReferrals(
  db: DbOrTx,
  opts: { referralIds: number[]; decision: ReviewDecision; actor: AuditActor; now?: Date },
): Promise<ReviewReferralsResult> {
  const { decision, actor } = opts;
  const now = opts.now ?? new Date();
  const result: ReviewReferralsResult = { decided: [], skipped: [] };
  for (const referralId of [...new Set(opts.referralIds)]) {
    const decided = await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(referralUsageLog)
        .set({
          reviewStatus: decision === "approve" ? "approved" : "rejected",
          reviewedByUserId: actor.actorUserId,
          reviewedAt: now,
          commissionEligible: decision === "approve",
        })
        .where(and(eq(referralUsageLog.id, referralId), eq(referralUsageLog.reviewStatus, "pending")))
        .returning();
      if (!claimed) return false;
      await recordEvent(
        tx,
        decision === "approve" ? "referral.approved" : "referral.rejected",
        referralJson(claimed),
      );
      const details =
        decision === "approve"
          ? {
              commissions: await releaseReferralCommissions(tx, referralId, actor, now),
              points: await releaseReferralPoints(tx, referralId, actor, now),
            }
          : {
              commissions: await rejectReferralCommissions(tx, referralId, actor, now),
              points: await rejectReferralPoints(tx, referralId, actor),
            };
      await writeAudit(tx, actor, {
        action: decision === "approve" ? "referral.approved" : "referral.rejected",
        entityType: "referral",
        entityId: referralId,
        details,
      });
      return true;
    });
    (decided ? result.decided : result.skipped).push(referralId);
  }
  return result;
}
