import { and, eq, ne } from "drizzle-orm";
import {
  commissions,
  referralCampaigns,
  referralCodes,
  referralUsageLog,
  subscriptions,
  users,
  payments,
} from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { getSetting } from "@/lib/settings";
import { calculateCommission, wholeMonthsBetween } from "./calculate-commission";
import { readReferrerStats } from "@/lib/referrals/referrer-stats";
import { syncReferralSummaries } from "./referral-summary";
import type { Commission } from "./reverse-commissions";

type Payment = typeof payments.$inferSelect;
const DAY_MS = 86_400_000;

/**
 * The ledger rows one incoming payment earns, written in the caller's transaction: nothing when the
 * payer was not referred, when the referral was rejected, or when the referrer is not active (a
 * suspended referrer earns nothing new). A referral still in review earns, but its rows wait on hold
 * until an admin releases it (see approve-due.ts).
 */
export async function earnCommissions(tx: DbOrTx, payment: Payment): Promise<Commission[]> {
  const [referral] = await tx
    .select({
      id: referralUsageLog.id,
      referrerUserId: referralUsageLog.referrerUserId,
      reviewStatus: referralUsageLog.reviewStatus,
      commissionEligible: referralUsageLog.commissionEligible,
      campaignId: referralCodes.campaignId,
    })
    .from(referralUsageLog)
    .leftJoin(referralCodes, eq(referralCodes.id, referralUsageLog.referralCodeId))
    .where(eq(referralUsageLog.referredUserId, payment.userId))
    .limit(1);
  if (!referral || referral.referrerUserId === null || referral.reviewStatus === "rejected") return [];

  // Locking the referrer serialises their commission decisions: the qualified-referral count that sets
  // the tier and the one-time bonus are read after any concurrent payment of theirs has committed.
  const [referrer] = await tx
    .select({ id: users.id, status: users.status, partnerId: users.partnerId })
    .from(users)
    .where(eq(users.id, referral.referrerUserId))
    .for("update");
  if (!referrer || referrer.status !== "active") return [];

  const [qualified, campaign, partner, holdDays, retention] = await Promise.all([
    readReferrerStats(tx, referrer.id).then((stats) => stats.qualifiedReferrals),
    referral.campaignId
      ? tx
          .select()
          .from(referralCampaigns)
          .where(eq(referralCampaigns.id, referral.campaignId))
          .then((rows) => rows[0] ?? null)
      : Promise.resolve(null),
    referrer.partnerId
      ? tx
          .select({ status: users.status, overrideBps: users.partnerOverrideBps })
          .from(users)
          .where(eq(users.id, referrer.partnerId))
          .then((rows) => rows[0] ?? null)
      : Promise.resolve(null),
    getSetting(tx, "commissionHoldDays"),
    retentionInput(tx, payment, referral.id),
  ]);
  const bonusPaid = campaign
    ? await hasEarning(tx, "bonus", { beneficiary: referrer.id, campaign: campaign.id })
    : true;

  const lines = calculateCommission({
    paymentCents: payment.amountCents,
    occurredAt: payment.occurredAt,
    qualifiedReferrals: qualified,
    campaign,
    // A referral in review does not unlock the campaign bonus: it does not count as qualified yet.
    campaignBonusPaid: bonusPaid || !referral.commissionEligible,
    partnerOverrideBps: partner?.status === "active" ? partner.overrideBps : null,
    retention,
  });
  if (!lines.length) return [];

  const holdUntil = new Date(payment.occurredAt.getTime() + holdDays * DAY_MS);
  const rows = await tx
    .insert(commissions)
    .values(
      lines.map((line) => ({
        beneficiaryUserId: line.level === "partner" ? referrer.partnerId! : referrer.id,
        referralId: referral.id,
        paymentId: payment.id,
        campaignId: line.campaignId,
        level: line.level,
        kind: "earning" as const,
        amountCents: line.amountCents,
        rateBps: line.rateBps,
        status: "pending" as const,
        holdUntil,
        note: line.note,
        createdAt: payment.createdAt,
        updatedAt: payment.createdAt,
      })),
    )
    // The one-time bonus and retention bonus have unique indexes: a lost race adds nothing.
    .onConflictDoNothing()
    .returning();
  await syncReferralSummaries(tx, [referral.id]);
  return rows.sort((a, b) => a.id - b.id);
}

async function hasEarning(
  tx: DbOrTx,
  level: "bonus" | "retention",
  where: { beneficiary?: number; campaign?: number; referral?: number },
): Promise<boolean> {
  const [row] = await tx
    .select({ id: commissions.id })
    .from(commissions)
    .where(
      and(
        eq(commissions.level, level),
        eq(commissions.kind, "earning"),
        ne(commissions.status, "rejected"),
        where.beneficiary === undefined ? undefined : eq(commissions.beneficiaryUserId, where.beneficiary),
        where.campaign === undefined ? undefined : eq(commissions.campaignId, where.campaign),
        where.referral === undefined ? undefined : eq(commissions.referralId, where.referral),
      ),
    )
    .limit(1);
  return Boolean(row);
}

async function retentionInput(tx: DbOrTx, payment: Payment, referralId: number) {
  const requiredMonths = await getSetting(tx, "retentionBonusMonths");
  if (requiredMonths <= 0 || payment.subscriptionId === null) return null;
  const [subscription] = await tx
    .select({ continuousSince: subscriptions.continuousSince })
    .from(subscriptions)
    .where(eq(subscriptions.id, payment.subscriptionId));
  if (!subscription?.continuousSince) return null;
  return {
    requiredMonths,
    monthsContinuous: wholeMonthsBetween(subscription.continuousSince, payment.occurredAt),
    bonusCents: await getSetting(tx, "retentionBonusCents"),
    alreadyPaid: await hasEarning(tx, "retention", { referral: referralId }),
  };
}
