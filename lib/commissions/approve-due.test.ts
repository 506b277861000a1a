import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, commissions } from "@/db/schema";
import { commissionFixtures } from "@/testing/commissions";
import { useTestDatabase } from "@/testing/use-test-database";
import { registeredJobs } from "@/lib/jobs/scheduler";
import { approveDueCommissions } from "./approve-due";
import { APPROVAL_JOB } from "./approval-job";
import {
  rejectReferralCommissions,
  releaseReferralCommissions,
} from "./release-or-reject-referral-commissions";

const testDb = useTestDatabase();
const f = commissionFixtures(() => testDb.db);
const paidAt = new Date("2026-03-01T12:00:00Z");
const day = 86_400_000;
const at = (days: number) => new Date(paidAt.getTime() + days * day);
const statusesOf = async (referrerId: number) => (await f.ledgerOf(referrerId)).map((c) => c.status);

describe("approveDueCommissions (injected clock)", () => {
  it("approves a commission exactly when its 30-day hold has passed, once", async () => {
    const { user: referrer, code } = await f.makeReferrer();
    const client = await f.referClient(code.code);
    await f.pay(client.userId, 3995, { occurredAt: paidAt }, paidAt);

    await approveDueCommissions(testDb.db, new Date(at(30).getTime() - 1));
    expect(await statusesOf(referrer.id)).toEqual(["pending"]);
    const run = await approveDueCommissions(testDb.db, at(30));
    expect(run.approved).toBeGreaterThanOrEqual(1);
    const [row] = await f.ledgerOf(referrer.id);
    expect(row).toMatchObject({ status: "approved", approvedAt: at(30) });
    // Running again (the timer and the CLI at once, say) changes nothing.
    await approveDueCommissions(testDb.db, at(31));
    expect((await f.ledgerOf(referrer.id))[0].approvedAt).toEqual(at(30));
  });

  it("a partial refund in the hold is approved together with its earning: net balance", async () => {
    const { user: referrer, code } = await f.makeReferrer();
    const client = await f.referClient(code.code);
    await f.pay(client.userId, 10_000, { externalId: "inv_net", occurredAt: paidAt }, paidAt);
    await f.pay(client.userId, 4000, { externalId: "re_net", type: "refund", refundOf: "inv_net" }, at(2));
    await approveDueCommissions(testDb.db, at(30));
    const ledger = await f.ledgerOf(referrer.id);
    expect(ledger.map((c) => [c.amountCents, c.status])).toEqual([
      [1000, "approved"],
      [-400, "approved"],
    ]);
  });

  it("is the in-app job registered for the timer", async () => {
    const job = registeredJobs().find((j) => j.name === APPROVAL_JOB);
    expect(job?.intervalMs).toBeGreaterThan(0);
    await job!.run(at(400)); // the job runs on the process database: the test database here
  });
});

describe("flagged referrals", () => {
  it("are held past the hold until an admin releases them", async () => {
    const admin = await f.makeUser({ role: "admin" });
    const { user: referrer, code } = await f.makeReferrer();
    const client = await f.referClient(code.code, { flagged: true });
    expect(await f.referralRow(client.referralId)).toMatchObject({
      isFlagged: true,
      commissionEligible: false,
    });
    await f.pay(client.userId, 3995, { occurredAt: paidAt }, paidAt);
    expect(await statusesOf(referrer.id)).toEqual(["pending"]);

    await approveDueCommissions(testDb.db, at(45));
    expect(await statusesOf(referrer.id)).toEqual(["pending"]); // hold passed, but in review

    const released = await releaseReferralCommissions(
      testDb.db,
      client.referralId,
      { actorUserId: admin.id },
      at(46),
    );
    expect(released).toEqual({ approvedNow: 1, stillOnHold: 0 });
    expect(await statusesOf(referrer.id)).toEqual(["approved"]);
    expect(await f.referralRow(client.referralId)).toMatchObject({
      commissionEligible: true,
      reviewStatus: "approved",
      reviewedByUserId: admin.id,
    });
    const audit = await testDb.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(client.referralId)));
    expect(audit.map((a) => a.action)).toContain("referral.commissions_released");
  });

  it("released before the hold ends: approved when the hold passes", async () => {
    const admin = await f.makeUser({ role: "admin" });
    const { user: referrer, code } = await f.makeReferrer();
    const client = await f.referClient(code.code, { flagged: true });
    await f.pay(client.userId, 3995, { occurredAt: paidAt }, paidAt);
    expect(
      await releaseReferralCommissions(testDb.db, client.referralId, { actorUserId: admin.id }, at(5)),
    ).toEqual({
      approvedNow: 0,
      stillOnHold: 1,
    });
    await approveDueCommissions(testDb.db, at(30));
    expect(await statusesOf(referrer.id)).toEqual(["approved"]);
  });

  it("rejected: unpaid commissions are rejected, paid ones clawed back into the next payout", async () => {
    const admin = await f.makeUser({ role: "admin" });
    const { user: referrer, code } = await f.makeReferrer();
    const client = await f.referClient(code.code);
    const first = await f.pay(client.userId, 10_000, { occurredAt: paidAt }, paidAt);
    // Pretend the first commission was paid out already.
    await testDb.db
      .update(commissions)
      .set({ status: "paid" })
      .where(eq(commissions.id, first.commissions[0].id));
    await f.pay(client.userId, 5000, { occurredAt: at(10) }, at(10));

    const result = await rejectReferralCommissions(
      testDb.db,
      client.referralId,
      { actorUserId: admin.id },
      at(11),
    );
    expect(result).toEqual({ rejected: 1, clawedBackCents: 1000 });
    const ledger = await f.ledgerOf(referrer.id);
    expect(ledger.map((c) => [c.kind, c.amountCents, c.status])).toEqual([
      ["earning", 1000, "paid"],
      ["earning", 500, "rejected"],
      ["reversal", -1000, "approved"],
    ]);
    expect(await f.referralRow(client.referralId)).toMatchObject({
      reviewStatus: "rejected",
      commissionEligible: false,
      commissionAmountCents: 0,
    });
    // A rejected referral earns nothing more and can't be released.
    expect((await f.pay(client.userId, 5000, {}, at(12))).commissions).toEqual([]);
    await expect(
      releaseReferralCommissions(testDb.db, client.referralId, { actorUserId: admin.id }, at(13)),
    ).rejects.toMatchObject({ status: 409 });
  });
});
