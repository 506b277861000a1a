import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rewardCatalog, users } from "@/db/schema";
import { commissionFixtures } from "@/testing/commissions";
import { useTestDatabase } from "@/testing/use-test-database";
import { getMyReferrals } from "@/lib/queries/my-referrals";
import { getRewardsOverview } from "@/lib/queries/rewards-overview";
import { getRewardsSummary } from "@/lib/queries/rewards-summary";
import { redeemPoints } from "./redeem-points";
import { assertLedgerAfterEach, ledgerOf, restoreRulesAfterEach, setRule } from "@/testing/rewards";

const testDb = useTestDatabase({ poolMax: 25 });
assertLedgerAfterEach(testDb);
restoreRulesAfterEach(testDb);
const f = commissionFixtures(() => testDb.db);
const now = new Date("2026-03-02T12:00:00Z");
let discountId = 0;

beforeAll(async () => {
  const [item] = await testDb.db.select().from(rewardCatalog).where(eq(rewardCatalog.costPoints, 100));
  discountId = item.id;
});

async function account(userId: number) {
  const [row] = await testDb.db
    .select({ balance: users.pointsBalance, pending: users.pointsPending, debt: users.pointsDebt })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

/** A referrer whose points wait for each client's first payment, and a client of theirs who paid. */
async function referrerWithPaidClients(n: number) {
  await setRule(testDb, "qualifying_activity", { isActive: true });
  const { user: referrer, code } = await f.makeReferrer();
  const clients = [];
  for (let i = 0; i < n; i++) {
    const client = await f.referClient(code.code);
    const paid = await f.pay(client.userId, 3995, {}, now);
    clients.push({ ...client, externalId: paid.payment.externalId });
  }
  return { referrer, code, clients };
}

const refund = (client: { userId: number; externalId: string }, amountCents = 3995, type = "refund") =>
  f.pay(client.userId, amountCents, { type: type as "refund", refundOf: client.externalId }, now);

describe("points released by a first payment, taken back", () => {
  it("a full refund takes them back from the balance, with its reason; a partial one takes nothing", async () => {
    const { referrer, clients } = await referrerWithPaidClients(2);
    expect(await account(referrer.id)).toEqual({ balance: 100, pending: 0, debt: 0 });

    await refund(clients[0], 1000);
    expect(await account(referrer.id)).toEqual({ balance: 100, pending: 0, debt: 0 });

    const full = await refund(clients[0], 2995);
    const ledger = await ledgerOf(testDb, referrer.id);
    const takeBack = ledger.at(-1)!;
    expect(takeBack).toMatchObject({
      reason: "reversal",
      deltaPoints: -50,
      debtPoints: 0,
      referralId: clients[0].referralId,
      paymentId: full.payment.id,
    });
    expect(takeBack.note).toMatch(/^50 points taken back: the payment of r\*+@example\.org was refunded$/);
    expect(await account(referrer.id)).toEqual({ balance: 50, pending: 0, debt: 0 });
    // The credit it took back is the lot it drew from: the other client's points are untouched.
    const credits = ledger.filter((r) => r.deltaPoints > 0 && r.userId === referrer.id);
    expect(credits.map((c) => [c.referralId, c.remainingPoints])).toEqual([
      [clients[0].referralId, 0],
      [clients[1].referralId, 50],
    ]);
  });

  it("a first payment refunded after its points were spent → points debt, paid first by later earnings", async () => {
    const { referrer, code, clients } = await referrerWithPaidClients(2);
    await redeemPoints(testDb.db, { userId: referrer.id, catalogItemId: discountId, now });
    expect(await account(referrer.id)).toEqual({ balance: 0, pending: 0, debt: 0 });

    await refund(clients[0], 3995, "chargeback");
    expect(await account(referrer.id)).toEqual({ balance: 0, pending: 0, debt: 50 });
    const takeBack = (await ledgerOf(testDb, referrer.id)).at(-1)!;
    expect(takeBack).toMatchObject({ reason: "reversal", deltaPoints: 0, debtPoints: 50 });
    expect(takeBack.note).toMatch(/^50 points taken back: the payment of .+ was charged back$/);

    // Shown to the referrer with its reason: the Rewards tab, /redeem and GET /api/rewards read one function.
    const overview = await getRewardsOverview(testDb.db, referrer.id, { now });
    expect(overview.debt).toEqual({
      debtPoints: 50,
      debts: [
        expect.objectContaining({ id: takeBack.id, owedPoints: 50, reason: takeBack.note, createdAt: now }),
      ],
    });
    expect((await getRewardsSummary(testDb.db, referrer.id, now)).debt).toEqual(overview.debt);
    expect(overview.history.find((h) => h.id === takeBack.id)).toMatchObject({
      label: "Points taken back",
      deltaPoints: 0,
      detail: `${takeBack.note} · 50 still owed`,
    });

    // The referral's points on My referrals are net of what was taken back, owed or not.
    const earnedBy = async (referralId: number) =>
      (await getMyReferrals(testDb.db, referrer.id, { page: 1, perPage: 10 })).referrals.find(
        (r) => r.id === referralId,
      )!.pointsEarned;
    expect(await earnedBy(clients[0].referralId)).toBe(0);

    // The next client's 50 points pay the debt first: nothing reaches the balance yet.
    const third = await f.referClient(code.code);
    await f.pay(third.userId, 1995, {}, now);
    expect(await account(referrer.id)).toEqual({ balance: 0, pending: 0, debt: 0 });
    const rows = await ledgerOf(testDb, referrer.id);
    expect(rows.at(-1)).toMatchObject({
      reason: "reversal",
      deltaPoints: -50,
      referralId: clients[0].referralId,
    });
    expect(rows.find((r) => r.id === takeBack.id)!.debtPoints).toBe(0);
    expect(await earnedBy(clients[0].referralId)).toBe(0);
    expect(await earnedBy(third.referralId)).toBe(50);
    const paidOff = await getRewardsOverview(testDb.db, referrer.id, { now });
    expect(paidOff.debt).toEqual({ debtPoints: 0, debts: [] });
    expect(paidOff.history.find((h) => h.id === rows.at(-1)!.id)).toMatchObject({
      label: "Points debt paid",
      deltaPoints: -50,
    });

    // Debt paid: the one after that is the referrer's to spend.
    const fourth = await f.referClient(code.code);
    await f.pay(fourth.userId, 1995, {}, now);
    expect((await account(referrer.id)).balance).toBeGreaterThan(0);
    expect((await account(referrer.id)).debt).toBe(0);
  });

  it("a debt larger than one earning is paid in part, and the balance stays 0 until it is paid", async () => {
    const { referrer, code, clients } = await referrerWithPaidClients(2);
    await redeemPoints(testDb.db, { userId: referrer.id, catalogItemId: discountId, now });
    await refund(clients[0]);
    await refund(clients[1]);
    expect(await account(referrer.id)).toEqual({ balance: 0, pending: 0, debt: 100 });
    const third = await f.referClient(code.code);
    await f.pay(third.userId, 1995, {}, now);
    expect(await account(referrer.id)).toEqual({ balance: 0, pending: 0, debt: 50 });
  });

  it("once per referral: a replayed refund, or the client paying and refunding again, take nothing more", async () => {
    const { referrer, clients } = await referrerWithPaidClients(2);
    const first = await refund(clients[0]);
    await f.pay(
      clients[0].userId,
      3995,
      { externalId: first.payment.externalId, type: "refund", refundOf: clients[0].externalId },
      now,
    );
    expect(await account(referrer.id)).toEqual({ balance: 50, pending: 0, debt: 0 });
    const again = await f.pay(clients[0].userId, 2000, {}, now);
    await f.pay(clients[0].userId, 2000, { type: "refund", refundOf: again.payment.externalId }, now);
    expect(await account(referrer.id)).toEqual({ balance: 50, pending: 0, debt: 0 });
  });

  it("a renewal that still stands keeps them: the client has paid, net", async () => {
    const { referrer, clients } = await referrerWithPaidClients(1);
    await f.pay(clients[0].userId, 3995, {}, now);
    await refund(clients[0]);
    expect(await account(referrer.id)).toEqual({ balance: 50, pending: 0, debt: 0 });
  });

  it("a refund racing a redemption: the balance never goes below zero, and what was spent becomes debt", async () => {
    const pairs = await Promise.all(Array.from({ length: 10 }, () => referrerWithPaidClients(2)));
    const outcomes = await Promise.all(
      pairs.map(async ({ referrer, clients }, i) => {
        const redeem = () => redeemPoints(testDb.db, { userId: referrer.id, catalogItemId: discountId, now });
        // Half the pairs start the refund first, half the redemption: both orders get their turn.
        const [redeemed] =
          i % 2 === 0
            ? await Promise.allSettled([redeem(), refund(clients[0])])
            : await Promise.allSettled([refund(clients[0]), redeem()]).then(([a, b]) => [b, a]);
        if (redeemed.status === "rejected")
          expect(redeemed.reason).toMatchObject({ code: "insufficient_points" });
        return { redeemed: redeemed.status === "fulfilled", account: await account(referrer.id) };
      }),
    );
    for (const o of outcomes) {
      // Redeemed first: 0 left, the 50 taken back owed. Refunded first: 50 left, too few to redeem.
      expect(
        o.redeemed ? { balance: 0, pending: 0, debt: 50 } : { balance: 50, pending: 0, debt: 0 },
      ).toEqual(o.account);
    }
    console.info(
      `[concurrency] refund vs redemption ×${outcomes.length} (${testDb.kind}): ${outcomes.filter((o) => o.redeemed).length} redeemed first`,
    );
  });
});
