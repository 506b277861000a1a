// What happens to a flagged referral's points when an admin decides (the review queue calls these in its
// own transaction, beside its update of referral_usage_log.review_status).
import { and, eq, sql } from "drizzle-orm";
import { pointsLedger, referralUsageLog } from "@/db/schema";
import type { Tx } from "@/db/types";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { notFound } from "@/lib/errors";
import { releasePendingEntries, voidPendingEntries, type PendingEntry } from "./ledger";
import { loadRewardRules } from "./load-reward-rules";
import { awardMilestones } from "./milestones";
import { awardOfferBonuses } from "./offers";
import { readReferrerStats } from "@/lib/referrals/referrer-stats";
import type { Badge } from "./rules";

type PendingRow = PendingEntry & { awaitsFirstPayment: boolean };

/** The referral's pending rows, locked: a concurrent release or rejection waits, then finds them settled. */
export async function lockPendingEntries(tx: Tx, referralId: number): Promise<PendingRow[]> {
  return tx
    .select({
      id: pointsLedger.id,
      userId: pointsLedger.userId,
      deltaPoints: pointsLedger.deltaPoints,
      awaitsFirstPayment: pointsLedger.awaitsFirstPayment,
    })
    .from(pointsLedger)
    .where(and(eq(pointsLedger.referralId, referralId), eq(pointsLedger.status, "pending")))
    .orderBy(pointsLedger.id)
    .for("update");
}

async function findReferral(tx: Tx, referralId: number) {
  const [referral] = await tx
    .select({
      id: referralUsageLog.id,
      referrerId: referralUsageLog.referrerUserId,
      referredUserId: referralUsageLog.referredUserId,
    })
    .from(referralUsageLog)
    .where(eq(referralUsageLog.id, referralId));
  if (!referral) throw notFound("Referral");
  return referral;
}

/**
 * The qualifying activity stands: the referred client has money paid that was not refunded or charged back
 * (net paid > 0, kept on the referral by a trigger). A client refunded in full has not paid.
 */
export async function hasPaid(tx: Tx, referralId: number): Promise<boolean> {
  const [row] = await tx
    .select({ id: referralUsageLog.id })
    .from(referralUsageLog)
    // net_paid_cents is trigger-kept (db/migrations/0010), not part of the Drizzle table.
    .where(and(eq(referralUsageLog.id, referralId), sql`net_paid_cents > 0`));
  return Boolean(row);
}

export type ReleaseResult = { releasedPoints: number; stillPendingPoints: number; badges: Badge[] };

/**
 * An admin approved a flagged referral: its held points become available (the referrer's stay pending if
 * the qualifying-activity rule still waits for the client's first payment), and the referral now counts —
 * it may complete an offer or cross a milestone. Idempotent: a second call finds nothing pending.
 */
export async function releaseReferralPoints(
  tx: Tx,
  referralId: number,
  actor: AuditActor,
  now = new Date(),
): Promise<ReleaseResult> {
  const referral = await findReferral(tx, referralId);
  const rules = await loadRewardRules(tx, now);
  const entries = await lockPendingEntries(tx, referralId);
  const paid = await hasPaid(tx, referralId);
  const releasable = entries.filter((e) => !e.awaitsFirstPayment || paid);
  const releasedPoints = await releasePendingEntries(tx, releasable, {
    now,
    expiryDays: rules.expiry?.days ?? null,
  });
  const stillPendingPoints = entries
    .filter((e) => !releasable.includes(e))
    .reduce((sum, e) => sum + e.deltaPoints, 0);

  let badges: Badge[] = [];
  if (referral.referrerId !== null) {
    // The review's update moved the referrer's counters (and holds their row lock): read, not recount.
    const scope = { include: referralId };
    const ctx = {
      referrerId: referral.referrerId,
      referralId,
      now,
      rules,
      awaitsFirstPayment: rules.qualifyingActivity !== null && !paid,
    };
    await awardOfferBonuses(tx, { ...ctx, scope });
    const qualifiedReferrals = (await readReferrerStats(tx, referral.referrerId)).countedReferrals;
    badges = await awardMilestones(tx, { ...ctx, qualifiedReferrals });
  }
  await writeAudit(tx, actor, {
    action: "points.release",
    entityType: "referral",
    entityId: referralId,
    details: { releasedPoints, stillPendingPoints, badges },
  });
  return { releasedPoints, stillPendingPoints, badges };
}

/**
 * An admin rejected a flagged referral: every point it was holding (referrer's and new client's) is
 * voided. The rows stay in the ledger as history. Points already available are not touched.
 */
export async function rejectReferralPoints(
  tx: Tx,
  referralId: number,
  actor: AuditActor,
): Promise<{ voidedPoints: number }> {
  await findReferral(tx, referralId);
  const voidedPoints = await voidPendingEntries(tx, await lockPendingEntries(tx, referralId));
  await writeAudit(tx, actor, {
    action: "points.void",
    entityType: "referral",
    entityId: referralId,
    details: { voidedPoints },
  });
  return { voidedPoints };
}
