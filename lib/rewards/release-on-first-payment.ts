import { and, eq, inArray, sql } from "drizzle-orm";
import { pointsLedger, referralUsageLog } from "@/db/schema";
import type { reviewStatus } from "@/db/schema/enums";
import type { DbOrTx, Tx } from "@/db/types";
import { releasePendingEntries } from "./ledger";
import { loadRewardRules } from "./load-reward-rules";
import { QUALIFIED_REVIEW_STATES } from "./qualified-referrals";
import { lockPendingEntries } from "./release-or-reject-referral-points";

/**
 * The qualifying activity happened: the referred client paid. Call it in the transaction that records a
 * payment (type `payment`) for `referredUserId`. The referrer's points held for this payment become
 * available — unless the referral is still in review or was rejected, in which case the admin's approval
 * releases them later (releaseReferralPoints sees the payment). Idempotent.
 */
export async function releasePointsOnFirstPayment(
  tx: Tx,
  referredUserId: number,
  now = new Date(),
  /** The referral as the caller already read it (recordPayment): saves reading it again. */
  known?: {
    id: number;
    reviewStatus: (typeof reviewStatus.enumValues)[number];
    holdsPointsForFirstPayment: boolean;
  } | null,
): Promise<{ releasedPoints: number }> {
  const [referral] =
    known !== undefined
      ? known
        ? [known]
        : []
      : await tx
          .select({ id: referralUsageLog.id, reviewStatus: referralUsageLog.reviewStatus })
          .from(referralUsageLog)
          .where(eq(referralUsageLog.referredUserId, referredUserId));
  if (!referral || referral.reviewStatus === "pending" || referral.reviewStatus === "rejected") {
    return { releasedPoints: 0 };
  }
  // Nothing held for a first payment (a renewal, or points already released): no lock, no rules to load.
  if ("holdsPointsForFirstPayment" in referral && !referral.holdsPointsForFirstPayment) {
    return { releasedPoints: 0 };
  }
  const entries = (await lockPendingEntries(tx, referral.id)).filter((e) => e.awaitsFirstPayment);
  if (!entries.length) return { releasedPoints: 0 };
  const rules = await loadRewardRules(tx, now);
  const releasedPoints = await releasePendingEntries(tx, entries, {
    now,
    expiryDays: rules.expiry?.days ?? null,
  });
  return { releasedPoints };
}

/**
 * The timer's catch-up for the qualifying activity: releases held points of every referral whose client has
 * paid (and which is not in review or rejected), in case the payment was recorded without the call above.
 * One transaction per referred client; idempotent.
 */
export async function releasePaidReferralPoints(
  db: DbOrTx,
  now = new Date(),
): Promise<{ releasedPoints: number }> {
  const due = await db
    .selectDistinct({ referredUserId: referralUsageLog.referredUserId })
    .from(pointsLedger)
    .innerJoin(referralUsageLog, eq(referralUsageLog.id, pointsLedger.referralId))
    .where(
      and(
        eq(pointsLedger.status, "pending"),
        eq(pointsLedger.awaitsFirstPayment, true),
        inArray(referralUsageLog.reviewStatus, [...QUALIFIED_REVIEW_STATES]),
        // Paid and not refunded in full (net paid, kept on the referral by a trigger).
        sql`${referralUsageLog}.net_paid_cents > 0`,
      ),
    );
  let releasedPoints = 0;
  for (const { referredUserId } of due) {
    const result = await db.transaction((tx) => releasePointsOnFirstPayment(tx, referredUserId, now));
    releasedPoints += result.releasedPoints;
  }
  return { releasedPoints };
}
