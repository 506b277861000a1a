import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { referralUsageLog } from "@/db/schema";
import { useTestDatabase } from "@/testing/use-test-database";
import {
  approveReferral,
  assertLedgerAfterEach,
  flaggedSignup,
  makeReferrer,
  rejectReferral,
  restoreRulesAfterEach,
  setRule,
  signupWith,
} from "@/testing/rewards";
import { recordPayment } from "@/lib/commissions/record-payment";
import { readReferrerStats } from "@/lib/referrals/referrer-stats";
import { getMyReferrals } from "./my-referrals";

const testDb = useTestDatabase();
assertLedgerAfterEach(testDb);
restoreRulesAfterEach(testDb);

describe("getMyReferrals", () => {
  it("lists each referral with masked e-mail, status, points and commission, and totals over all", async () => {
    const { user: referrer, code } = await makeReferrer(testDb);
    const first = await signupWith(testDb.db, code, {
      email: `first.${Date.now()}@example.org`,
      now: new Date("2026-06-01T00:00:00Z"),
    });
    await signupWith(testDb.db, code, { now: new Date("2026-06-02T00:00:00Z") });
    const held = await flaggedSignup(testDb.db, code, { now: new Date("2026-06-03T00:00:00Z") });
    const turnedDown = await flaggedSignup(testDb.db, code, { now: new Date("2026-06-04T00:00:00Z") });
    await rejectReferral(testDb, turnedDown.referral!.id);
    await testDb.db
      .update(referralUsageLog)
      .set({ commissionAmountCents: 399 })
      .where(eq(referralUsageLog.id, first.referral!.id));

    const mine = await getMyReferrals(testDb.db, referrer.id, { page: 1, perPage: 10 });
    // Nobody has paid yet: not qualified (SPEC: net paid > 0), waiting for a first payment.
    expect(mine.referrals.map((r) => [r.status, r.pointsEarned, r.pointsPending, r.commissionCents])).toEqual(
      [
        ["rejected", 0, 0, 0],
        ["in_review", 0, 50, 0],
        ["awaiting_payment", 50, 0, 0],
        ["awaiting_payment", 50, 0, 399],
      ],
    );
    expect(mine.referrals.at(-1)!.maskedEmail).toBe("f***@example.org");
    expect(mine.referrals.at(-1)!.subscriptionStatus).toBe("trial");
    expect(mine.totals).toEqual({
      referrals: 4,
      qualified: 0,
      inReview: 1,
      rejected: 1,
      pointsEarned: 100,
      pointsPending: 50,
      commissionCents: 399,
      commissionByCurrency: [{ currency: "usd", cents: 399 }],
    });
    await approveReferral(testDb, held.referral!.id);
    const after = await getMyReferrals(testDb.db, referrer.id, { page: 1, perPage: 10 });
    expect(after.referrals[1]).toMatchObject({
      status: "awaiting_payment",
      pointsEarned: 50,
      pointsPending: 0,
    });
  });

  it("qualified is SPEC's one definition: paid net of refunds, and it falls back when refunded to nothing", async () => {
    const { user: referrer, code } = await makeReferrer(testDb);
    const payer = await signupWith(testDb.db, code);
    const refunded = await signupWith(testDb.db, code);
    const held = await flaggedSignup(testDb.db, code);
    const pay = (userId: number, externalId: string, amountCents: number, refundOf?: string) =>
      recordPayment(testDb.db, {
        externalId,
        userId,
        amountCents,
        type: refundOf ? "refund" : "payment",
        refundOf,
      });
    await pay(payer.user.id, `inv_q_${payer.user.id}`, 3995);
    await pay(payer.user.id, `re_q_${payer.user.id}`, 3994, `inv_q_${payer.user.id}`); // 1¢ kept
    await pay(refunded.user.id, `inv_q_${refunded.user.id}`, 1);
    await pay(refunded.user.id, `re_q_${refunded.user.id}`, 1, `inv_q_${refunded.user.id}`);
    await pay(held.user.id, `inv_q_${held.user.id}`, 3995); // paid, but in review: not qualified

    const mine = await getMyReferrals(testDb.db, referrer.id, { page: 1, perPage: 10 });
    const statusOf = (id: number) => mine.referrals.find((r) => r.id === id)!.status;
    expect(statusOf(payer.referral!.id)).toBe("qualified");
    expect(statusOf(refunded.referral!.id)).toBe("refunded");
    expect(statusOf(held.referral!.id)).toBe("in_review");
    // The count is the same definition as the statuses, and as the tier's (referrer_stats.qualified_referrals).
    expect(mine.totals.qualified).toBe(1);
    expect(mine.totals.qualified).toBe((await readReferrerStats(testDb.db, referrer.id)).qualifiedReferrals);
    expect(mine.referrals.filter((r) => r.status === "qualified")).toHaveLength(mine.totals.qualified);

    await approveReferral(testDb, held.referral!.id);
    const after = await getMyReferrals(testDb.db, referrer.id, { page: 1, perPage: 10 });
    expect(after.referrals.find((r) => r.id === held.referral!.id)!.status).toBe("qualified");
    expect(after.totals.qualified).toBe(2);
  });

  it("pages newest first and clamps a page past the end", async () => {
    const { user: referrer, code } = await makeReferrer(testDb);
    for (let d = 1; d <= 5; d++)
      await signupWith(testDb.db, code, { now: new Date(`2026-07-0${d}T00:00:00Z`) });
    const page2 = await getMyReferrals(testDb.db, referrer.id, { page: 2, perPage: 2 });
    expect(page2).toMatchObject({ page: 2, totalPages: 3 });
    expect(page2.referrals.map((r) => r.referredAt.toISOString().slice(0, 10))).toEqual([
      "2026-07-03",
      "2026-07-02",
    ]);
    const past = await getMyReferrals(testDb.db, referrer.id, { page: 99, perPage: 2 });
    expect(past.page).toBe(3);
    expect(past.referrals).toHaveLength(1);
  });

  it("says when a referral waits for its first payment", async () => {
    await setRule(testDb, "qualifying_activity", { isActive: true });
    const { user: referrer, code } = await makeReferrer(testDb);
    await signupWith(testDb.db, code);
    const mine = await getMyReferrals(testDb.db, referrer.id, { page: 1, perPage: 10 });
    expect(mine.referrals[0]).toMatchObject({
      status: "awaiting_payment",
      pointsEarned: 0,
      pointsPending: 50,
    });
  });

  it("shows nothing of other referrers", async () => {
    const { user: lonely } = await makeReferrer(testDb);
    const mine = await getMyReferrals(testDb.db, lonely.id, { page: 1, perPage: 10 });
    expect(mine.referrals).toEqual([]);
    expect(mine.totals.referrals).toBe(0);
    expect(mine.totalPages).toBe(1);
  });
});
