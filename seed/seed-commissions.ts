// Demo money: a running Holiday campaign (20%) and an ended one, and payments by the demo referrers'
// referrals over the last 75 days, all through the real domain functions, so the demo ledger holds
// commissions in every state: paid in a batch, approved, on hold, in review (flagged referral),
// reversed (refund in the hold), rejected (fraud decision), a refund after payout carried forward
// into the next payout, partner overrides for Agency XYZ and Maya's ×1.1 tier.
// Amanda's account is left without money (the end-to-end tests start from it).
import { and, asc, desc, eq, lt } from "drizzle-orm";
import { approveDueCommissions } from "@/lib/commissions/approve-due";
import { createCampaign, endCampaign, linkCodesToCampaign } from "@/lib/commissions/campaigns";
import { createPayoutBatch, markPayoutBatchPaid } from "@/lib/commissions/payouts";
import { recordPayment } from "@/lib/commissions/record-payment";
import { rejectReferralCommissions } from "@/lib/commissions/release-or-reject-referral-commissions";
import { DomainError } from "@/lib/errors";
import { payments, referralUsageLog, users } from "@/db/schema";
import type { Db } from "@/db/types";

const DAY = 86_400_000;
const PRICES = [1995, 3995, 7995];

export async function seedDemoCommissions(db: Db, now: Date = new Date()): Promise<void> {
  const ago = (days: number, hours = 0) => new Date(now.getTime() - days * DAY - hours * 3_600_000);
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, "admin@example.com"));
  if (!admin) return;
  const actor = { actorUserId: admin.id };
  const idOf = async (email: string) =>
    (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]?.id;
  const [maya, sarah, rose] = [
    await idOf("maya@example.com"),
    await idOf("sarah@example.com"),
    await idOf("rose@example.com"),
  ];
  if (!maya || !sarah || !rose) return;

  const year = now.getUTCFullYear();
  const holiday = await createCampaign(
    db,
    {
      campaignName: `Holiday ${year}`,
      description: "Double commission for holiday referrals",
      commissionType: "percentage",
      commissionValue: 2000,
      tiers: null,
      bonusThreshold: 10,
      bonusAmountCents: 2500,
      startsAt: ago(20),
      endsAt: new Date(now.getTime() + 40 * DAY),
    },
    actor,
    ago(25),
  );
  await linkCodesToCampaign(db, holiday.id, ["SARAH25", "MAYA-SPRING"], actor, ago(25));
  const summer = await createCampaign(
    db,
    {
      campaignName: `Summer ${year}`,
      description: "A flat $5 per payment for the summer",
      commissionType: "flat_rate",
      commissionValue: 500,
      tiers: null,
      bonusThreshold: null,
      bonusAmountCents: null,
      startsAt: ago(160),
      endsAt: ago(70),
    },
    actor,
    ago(165),
  );
  await endCampaign(db, summer.id, actor, ago(69));

  let invoice = 0;
  const pay = (userId: number, at: Date, i: number) =>
    recordPayment(
      db,
      {
        externalId: `demo_inv_${String(++invoice).padStart(4, "0")}`,
        userId,
        amountCents: PRICES[i % 3],
        type: "payment",
        occurredAt: at,
        source: "demo",
      },
      at,
    );
  const referred = async (referrerId: number, eligible: boolean, limit: number) =>
    db
      .select({ id: referralUsageLog.id, userId: referralUsageLog.referredUserId })
      .from(referralUsageLog)
      .where(
        and(
          eq(referralUsageLog.referrerUserId, referrerId),
          eq(referralUsageLog.commissionEligible, eligible),
          lt(referralUsageLog.usedAt, ago(3)),
        ),
      )
      .orderBy(asc(referralUsageLog.usedAt), asc(referralUsageLog.id))
      .limit(limit);

  const mayaReferrals = await referred(maya, true, 40);
  const sarahReferrals = await referred(sarah, true, 14);
  const roseReferrals = await referred(rose, true, 3);

  // Paid: payments 75–46 days ago, approved after their hold and paid in a batch 12 days ago.
  const paidOnes = [...mayaReferrals.slice(0, 26), ...sarahReferrals.slice(0, 6)];
  for (const [i, r] of paidOnes.entries()) await pay(r.userId, ago(75 - i), i);
  for (const [i, r] of roseReferrals.entries()) await pay(r.userId, ago(50, i), i + 1);
  await approveDueCommissions(db, ago(14));
  // With few demo referrals (`npm run db:seed -- --referrals 0`) nobody may reach the minimum: no batch.
  const batch = await createPayoutBatch(db, { beneficiaryIds: [maya, sarah] }, actor, ago(14)).catch(
    (error: unknown) => {
      if (error instanceof DomainError && error.code === "nothing_to_pay") return null;
      throw error;
    },
  );
  if (batch) await markPayoutBatchPaid(db, batch.batch.id, "WIRE-DEMO-0001", actor, ago(12));

  // Rejected: an admin decided one of Rose's referrals was fraud before it was paid.
  if (roseReferrals[0]) await rejectReferralCommissions(db, roseReferrals[0].id, actor, ago(11));

  // A refund after payout: $10 of one of Maya's paid $19.95 payments, carried into her next payout.
  if (mayaReferrals[3]) {
    await recordPayment(
      db,
      {
        externalId: "demo_refund_0001",
        amountCents: 1000,
        type: "refund",
        refundOf: "demo_inv_0004",
        source: "demo",
      },
      ago(10),
    );
  }

  // Approved, not yet paid: first payments and renewals 44–32 days ago, past their hold. Maya's
  // balance, net of her refund after payout, is ready for the next batch.
  const approvedOnes = [
    ...mayaReferrals.slice(26, 32),
    ...mayaReferrals.slice(4, 16),
    ...sarahReferrals.slice(6, 9),
  ];
  for (const [i, r] of approvedOnes.entries()) await pay(r.userId, ago(44 - i / 2), i);

  // On hold: renewals and first payments in the last 20 days (Sarah's inside the Holiday campaign).
  const recent = [
    ...mayaReferrals.slice(0, 4),
    ...mayaReferrals.slice(32, 36),
    ...sarahReferrals.slice(9, 14),
  ];
  for (const [i, r] of recent.entries()) await pay(r.userId, ago(19 - i), i);

  // Reversed: a recent payment refunded in full inside the hold.
  const refunded = mayaReferrals[32];
  if (refunded) {
    const [payment] = await db
      .select({ externalId: payments.externalId, amountCents: payments.amountCents })
      .from(payments)
      .where(and(eq(payments.userId, refunded.userId), eq(payments.type, "payment")))
      .orderBy(desc(payments.occurredAt))
      .limit(1);
    if (payment) {
      await recordPayment(
        db,
        {
          externalId: "demo_refund_0002",
          amountCents: payment.amountCents,
          type: "refund",
          refundOf: payment.externalId,
          source: "demo",
        },
        ago(2),
      );
    }
  }

  // In review: a flagged referral of Maya's paid; its commission waits for an admin's decision.
  const [flagged] = await referred(maya, false, 1);
  if (flagged) await pay(flagged.userId, ago(6), 1);

  await approveDueCommissions(db, now);
}
