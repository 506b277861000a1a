import { eq } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { auditLog, commissions, payoutBatches, payouts, users } from "@/db/schema";
import { commissionFixtures } from "@/testing/commissions";
import { useTestDatabase } from "@/testing/use-test-database";
import { getPayoutsOverview } from "@/lib/queries/payouts";
import { setSetting } from "@/lib/settings";
import { approveDueCommissions } from "./approve-due";
import { payoutBatchCsv } from "./payout-csv";
import { cancelPayoutBatch, createPayoutBatch, markPayoutBatchPaid } from "./payouts";

const testDb = useTestDatabase({ poolMax: 10 });
const f = commissionFixtures(() => testDb.db);
const paidAt = new Date("2026-02-01T12:00:00Z");
const day = 86_400_000;
const at = (days: number) => new Date(paidAt.getTime() + days * day);

/** A referrer with one approved commission of `cents` (a payment of 10 × cents, hold passed). */
async function referrerWithApproved(cents: number, name?: string) {
  const { user, code } = await f.makeReferrer({ name });
  const client = await f.referClient(code.code);
  const result = await f.pay(client.userId, cents * 10, { occurredAt: paidAt }, paidAt);
  await approveDueCommissions(testDb.db, at(31));
  return { user, code, client, payment: result.payment };
}

describe("payout batches", () => {
  it("pays approved balances at or above the minimum; smaller ones wait", async () => {
    const admin = await f.makeUser({ role: "admin" });
    const big = await referrerWithApproved(6000);
    const exact = await referrerWithApproved(5000);
    const small = await referrerWithApproved(4999);
    // The payouts page lists as payable exactly whom the batch then pays (one rule: commissions/payable.ts).
    const mine = new Set([big.user.id, exact.user.id, small.user.id]);
    const overview = await getPayoutsOverview(testDb.db, at(32));
    expect(overview.payable.filter((b) => mine.has(b.userId)).map((b) => b.userId)).toEqual([
      big.user.id,
      exact.user.id,
    ]);
    expect(overview.carried.filter((b) => mine.has(b.userId)).map((b) => b.userId)).toEqual([small.user.id]);
    const { batch, lines } = await createPayoutBatch(
      testDb.db,
      { beneficiaryIds: [big.user.id, exact.user.id, small.user.id] },
      { actorUserId: admin.id },
      at(32),
    );
    expect(lines).toBe(2);
    expect(batch).toMatchObject({ status: "open", totalCents: 11_000, createdByUserId: admin.id });
    const lineRows = await testDb.db.select().from(payouts).where(eq(payouts.batchId, batch.id));
    expect(lineRows.map((l) => [l.beneficiaryUserId, l.amountCents]).sort()).toEqual(
      [
        [big.user.id, 6000],
        [exact.user.id, 5000],
      ].sort(),
    );
    expect((await f.ledgerOf(small.user.id))[0]).toMatchObject({ status: "approved", payoutId: null });

    const paid = await markPayoutBatchPaid(
      testDb.db,
      batch.id,
      "WIRE-2026-0001",
      { actorUserId: admin.id },
      at(33),
    );
    expect(paid).toMatchObject({ status: "paid", reference: "WIRE-2026-0001", paidAt: at(33) });
    expect((await f.ledgerOf(big.user.id))[0].status).toBe("paid");
    expect(await f.referralRow(big.client.referralId)).toMatchObject({
      commissionPaid: true,
      commissionAmountCents: 6000,
    });
    await expect(
      markPayoutBatchPaid(testDb.db, batch.id, "again", { actorUserId: admin.id }),
    ).rejects.toMatchObject({
      status: 409,
      message: `Payout batch #${batch.id} is already paid`,
    });
    const audit = await testDb.db.select().from(auditLog).where(eq(auditLog.entityType, "payout_batch"));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["payout_batch.created", "payout_batch.paid"]),
    );
  });

  it("refund after payout → a negative amount carried forward and netted in the next batch", async () => {
    const admin = await f.makeUser({ role: "admin" });
    const { user, code, client, payment } = await referrerWithApproved(10_000); // payment of 100,000¢
    const first = await createPayoutBatch(
      testDb.db,
      { beneficiaryIds: [user.id] },
      { actorUserId: admin.id },
      at(32),
    );
    await markPayoutBatchPaid(testDb.db, first.batch.id, "WIRE-A", { actorUserId: admin.id }, at(33));

    // 40% refunded after the payout: the paid row stays, a −4000¢ reversal waits for the next payout.
    await f.pay(
      client.userId,
      40_000,
      { externalId: `re_${payment.externalId}`, type: "refund", refundOf: payment.externalId },
      at(40),
    );
    const afterRefund = await f.ledgerOf(user.id);
    expect(afterRefund.map((c) => [c.kind, c.amountCents, c.status, c.payoutId === null])).toEqual([
      ["earning", 10_000, "paid", false],
      ["reversal", -4000, "approved", true],
    ]);
    expect(afterRefund[1].note).toMatch(/deducted from the next payout/);
    // −4000¢ on its own is below the minimum: no batch for this referrer yet.
    await expect(
      createPayoutBatch(testDb.db, { beneficiaryIds: [user.id] }, { actorUserId: admin.id }, at(41)),
    ).rejects.toMatchObject({ status: 409 });

    // A new 10,000¢ commission: the next batch pays 10,000 − 4,000 = 6,000¢.
    const other = await f.referClient(code.code);
    await f.pay(other.userId, 100_000, { occurredAt: at(41) }, at(41));
    await approveDueCommissions(testDb.db, at(72));
    const second = await createPayoutBatch(
      testDb.db,
      { beneficiaryIds: [user.id] },
      { actorUserId: admin.id },
      at(72),
    );
    expect(second.batch.totalCents).toBe(6000);
    const [line] = await testDb.db.select().from(payouts).where(eq(payouts.batchId, second.batch.id));
    expect(line).toMatchObject({ amountCents: 6000, commissionCount: 2 });
    await markPayoutBatchPaid(testDb.db, second.batch.id, "WIRE-B", { actorUserId: admin.id }, at(73));
    const ledger = await f.ledgerOf(user.id);
    expect(ledger.every((c) => c.status === "paid")).toBe(true);
    expect(ledger.reduce((s, c) => s + c.amountCents, 0)).toBe(16_000); // 10,000 + 10,000 − 4,000
  });

  it("a campaign bonus reversed by a chargeback after payout → a negative amount carried forward", async () => {
    const admin = await f.makeUser({ role: "admin" });
    const launch = await f.makeCampaign({
      commissionValue: 2000,
      startsAt: at(-30),
      endsAt: at(60),
      bonusThreshold: 1,
      bonusAmountCents: 5000,
    });
    const { user, code } = await f.makeReferrer({ campaignId: launch.id });
    const client = await f.referClient(code.code);
    const paid = await f.pay(client.userId, 10_000, { occurredAt: paidAt }, paidAt);
    expect(paid.commissions.map((c) => [c.level, c.amountCents])).toEqual([
      ["direct", 2000],
      ["bonus", 5000],
    ]);
    await approveDueCommissions(testDb.db, at(31));
    const first = await createPayoutBatch(
      testDb.db,
      { beneficiaryIds: [user.id] },
      { actorUserId: admin.id },
      at(32),
    );
    expect(first.batch.totalCents).toBe(7000);
    await markPayoutBatchPaid(testDb.db, first.batch.id, "WIRE-BONUS", { actorUserId: admin.id }, at(33));

    // The payment that released the bonus is charged back: the commission and the bonus both come back as
    // approved negative rows against the next payout; the paid rows stay as they were.
    const chargeback = await f.pay(
      client.userId,
      10_000,
      { type: "chargeback", refundOf: paid.payment.externalId },
      at(40),
    );
    expect(chargeback.commissions.map((c) => [c.level, c.kind, c.amountCents, c.status])).toEqual([
      ["direct", "reversal", -2000, "approved"],
      ["bonus", "reversal", -5000, "approved"],
    ]);
    const ledger = await f.ledgerOf(user.id);
    expect(ledger.filter((c) => c.kind === "earning").map((c) => c.status)).toEqual(["paid", "paid"]);
    const overview = await getPayoutsOverview(testDb.db, at(41));
    expect(overview.carried.find((b) => b.userId === user.id)).toMatchObject({ approvedCents: -7000 });
    await expect(
      createPayoutBatch(testDb.db, { beneficiaryIds: [user.id] }, { actorUserId: admin.id }, at(41)),
    ).rejects.toMatchObject({ status: 409 });
  });

  it("a canceled batch returns its commissions to the balances", async () => {
    const admin = await f.makeUser({ role: "admin" });
    const { user } = await referrerWithApproved(7000);
    const { batch } = await createPayoutBatch(
      testDb.db,
      { beneficiaryIds: [user.id] },
      { actorUserId: admin.id },
      at(32),
    );
    await cancelPayoutBatch(testDb.db, batch.id, { actorUserId: admin.id }, at(32));
    const [row] = await f.ledgerOf(user.id);
    expect(row).toMatchObject({ status: "approved", payoutId: null });
    const [saved] = await testDb.db.select().from(payoutBatches).where(eq(payoutBatches.id, batch.id));
    expect(saved.status).toBe("canceled");
  });

  it("suspended referrers and an empty selection are not paid", async () => {
    const admin = await f.makeUser({ role: "admin" });
    const { user } = await referrerWithApproved(8000);
    await testDb.db.update(users).set({ status: "suspended" }).where(eq(users.id, user.id));
    await expect(
      createPayoutBatch(testDb.db, { beneficiaryIds: [user.id] }, { actorUserId: admin.id }, at(32)),
    ).rejects.toMatchObject({ message: "No referrer has an approved balance of at least 50.00 to pay out" });
    await expect(
      createPayoutBatch(testDb.db, { beneficiaryIds: [] }, { actorUserId: admin.id }),
    ).rejects.toMatchObject({
      status: 409,
    });
  });

  it("concurrent batch creation never puts a commission in two batches", async () => {
    const admin = await f.makeUser({ role: "admin" });
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await referrerWithApproved(5000 + i)).user.id);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        createPayoutBatch(testDb.db, { beneficiaryIds: ids }, { actorUserId: admin.id }, at(32)),
      ),
    );
    const made = outcomes.filter((o) => o.status === "fulfilled");
    expect(made.length).toBeGreaterThanOrEqual(1);
    const rows = await testDb.db.select().from(commissions);
    const mine = rows.filter((c) => ids.includes(c.beneficiaryUserId));
    expect(mine.every((c) => c.payoutId !== null)).toBe(true);
    const lines = await testDb.db.select().from(payouts);
    const paidTo = lines.filter((l) => ids.includes(l.beneficiaryUserId));
    expect(paidTo).toHaveLength(5); // one line per referrer over all batches
  });

  it("the CSV has one line per referrer, exact amounts, and neutralized formulas", async () => {
    await setSetting(testDb.db, "minimumPayoutCents", 100);
    try {
      const admin = await f.makeUser({ role: "admin" });
      const hostile = await referrerWithApproved(1234, '=HYPERLINK("http://x","pay me")');
      const { batch } = await createPayoutBatch(
        testDb.db,
        { beneficiaryIds: [hostile.user.id] },
        { actorUserId: admin.id },
        at(32),
      );
      await markPayoutBatchPaid(testDb.db, batch.id, "+WIRE,7", { actorUserId: admin.id }, at(33));
      const { filename, csv } = await payoutBatchCsv(testDb.db, batch.id);
      expect(filename).toBe(`payout-batch-${batch.id}.csv`);
      const records = parse(csv, { columns: true }) as Record<string, string>[];
      expect(records).toEqual([
        expect.objectContaining({
          batch_id: String(batch.id),
          batch_status: "paid",
          referrer_name: '\'=HYPERLINK("http://x","pay me")',
          amount: "12.34",
          amount_cents: "1234",
          currency: "USD",
          commissions: "1",
          reference: "'+WIRE,7",
          paid_at: at(33).toISOString(),
        }),
      ]);
    } finally {
      await setSetting(testDb.db, "minimumPayoutCents", 5000);
    }
  });
});
