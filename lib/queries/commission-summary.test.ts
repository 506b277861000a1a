import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { referralUsageLog } from "@/db/schema";
import { commissionFixtures } from "@/testing/commissions";
import { rawRows, useTestDatabase } from "@/testing/use-test-database";
import { approveDueCommissions } from "@/lib/commissions/approve-due";
import { createPayoutBatch, markPayoutBatchPaid } from "@/lib/commissions/payouts";
import { rejectReferralCommissions } from "@/lib/commissions/release-or-reject-referral-commissions";
import { centsToDecimal } from "@/lib/format";
import {
  commissionTotalsJson,
  getCommissionTotals,
  getLedgerEntries,
  referralCommissionJson,
} from "./commission-summary";
import { listClientCodes } from "./referral-codes";

const testDb = useTestDatabase();
const f = commissionFixtures(() => testDb.db);
const t0 = new Date("2026-01-05T10:00:00Z");
const at = (days: number) => new Date(t0.getTime() + days * 86_400_000);

describe("the API's commission totals equal the ledger, to the cent", () => {
  it("with commissions in every state: pending, in review, approved, paid, reversed, rejected, carried forward", async () => {
    const admin = await f.makeUser({ role: "admin" });
    const agency = await f.makeUser({ partnerBps: 300 });
    const holiday = await f.makeCampaign({
      commissionValue: 2000,
      bonusThreshold: 2,
      bonusAmountCents: 2500,
    });
    const { user: maya, code } = await f.makeReferrer({ partnerId: agency.id, campaignId: holiday.id });
    const [a, b, c, d, e] = [
      await f.referClient(code.code),
      await f.referClient(code.code),
      await f.referClient(code.code),
      await f.referClient(code.code, { flagged: true }),
      await f.referClient(code.code),
    ];
    // Paid, then 25% refunded after payout (carried forward).
    await f.pay(a.userId, 39_950, { externalId: "inv_a", occurredAt: t0 }, t0);
    await f.pay(b.userId, 19_950, { externalId: "inv_b", occurredAt: t0 }, t0); // + campaign bonus
    await approveDueCommissions(testDb.db, at(31));
    const batch = await createPayoutBatch(
      testDb.db,
      { beneficiaryIds: [maya.id] },
      { actorUserId: admin.id },
      at(31),
    );
    await markPayoutBatchPaid(testDb.db, batch.batch.id, "WIRE-1", { actorUserId: admin.id }, at(32));
    await f.pay(a.userId, 9_987, { externalId: "re_a", type: "refund", refundOf: "inv_a" }, at(33));
    // Approved, not paid.
    await f.pay(c.userId, 7_995, { externalId: "inv_c", occurredAt: at(1) }, at(1));
    await approveDueCommissions(testDb.db, at(34));
    // Pending, and pending in review.
    await f.pay(c.userId, 7_995, { externalId: "inv_c2", occurredAt: at(35) }, at(35));
    await f.pay(d.userId, 3_995, { externalId: "inv_d", occurredAt: at(35) }, at(35));
    // Fully refunded inside the hold (reversed), and rejected.
    await f.pay(e.userId, 3_995, { externalId: "inv_e", occurredAt: at(35) }, at(35));
    await f.pay(e.userId, 3_995, { externalId: "re_e", type: "refund", refundOf: "inv_e" }, at(36));
    await f.pay(b.userId, 19_950, { externalId: "inv_b2", occurredAt: at(36) }, at(36));
    await rejectReferralCommissions(testDb.db, b.referralId, { actorUserId: admin.id }, at(37));

    const ledger = await f.ledgerOf(maya.id);
    const sum = (pred: (r: (typeof ledger)[number]) => boolean) =>
      ledger.filter(pred).reduce((s, r) => s + r.amountCents, 0);
    const expected = {
      earned: sum((r) => r.status !== "rejected"),
      pending: sum((r) => r.status === "pending"),
      approved: sum((r) => r.status === "approved"),
      paid: sum((r) => r.status === "paid"),
    };
    expect(new Set(ledger.map((r) => r.status))).toEqual(
      new Set(["pending", "approved", "paid", "reversed", "rejected"]),
    );
    expect(expected.approved).toBeLessThan(0 + sum((r) => r.status === "approved" && r.kind === "earning"));

    const totals = await getCommissionTotals(testDb.db, maya.id);
    expect(totals).toMatchObject({
      earnedCents: expected.earned,
      pendingCents: expected.pending,
      approvedCents: expected.approved,
      paidCents: expected.paid,
      inReviewCents: sum((r) => r.status === "pending" && r.referralId === d.referralId),
    });
    expect(totals.earnedCents).toBe(totals.pendingCents + totals.approvedCents + totals.paidCents);
    expect(totals.unpaidCents).toBe(totals.pendingCents + totals.approvedCents);
    // The campaign bonus was unlocked by b's payment and paid; rejecting b clawed it back with the rest.
    expect(ledger.filter((r) => r.level === "bonus").map((r) => [r.kind, r.amountCents, r.status])).toEqual([
      ["earning", 2500, "paid"],
      ["reversal", -2500, "approved"],
    ]);
    expect(totals.byLevel.bonus).toBe(0);

    const json = commissionTotalsJson(totals);
    expect(json).toMatchObject({
      total_commission_earned: centsToDecimal(expected.earned),
      commission_pending: centsToDecimal(expected.pending + expected.approved),
      commission_paid: centsToDecimal(expected.paid),
      total_commission_earned_cents: expected.earned,
    });

    // Per code (the seed's total_commission_earned) and per referral (commission_amount): direct rows.
    const direct = sum((r) => r.status !== "rejected" && r.level === "direct");
    const [codeRow] = await listClientCodes(testDb.db, maya.id);
    expect(codeRow.total_commission_earned).toBe(centsToDecimal(direct));
    const logRows = await testDb.db
      .select()
      .from(referralUsageLog)
      .where(eq(referralUsageLog.referrerUserId, maya.id));
    for (const row of logRows) {
      const own = sum((r) => r.referralId === row.id && r.level === "direct" && r.status !== "rejected");
      expect(referralCommissionJson(row).commission_amount_cents).toBe(own);
    }
    expect(logRows.reduce((s, r) => s + r.commissionAmountCents, 0)).toBe(direct);
    const [view] = rawRows<{ total: number }>(
      await testDb.db.execute(
        sql`SELECT total_commission_cents AS total FROM referral_performance WHERE referral_code_id = ${code.id}`,
      ),
    );
    expect(Number(view.total)).toBe(direct);
    // The agency's override is its money, not Maya's.
    expect((await getCommissionTotals(testDb.db, agency.id)).byLevel.partner).toBeGreaterThan(0);

    const entries = await getLedgerEntries(testDb.db, maya.id, 50);
    expect(entries).toHaveLength(ledger.length);
    expect(entries.find((e) => e.referral?.id === d.referralId)?.referral?.inReview).toBe(true);
  });
});
