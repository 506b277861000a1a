import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { commissionFixtures } from "@/testing/commissions";
import { useTestDatabase } from "@/testing/use-test-database";
import { assertLedgerAfterEach, pointsOf } from "@/testing/rewards";
import { reviewReferrals } from "./decide-referral-reviews";

const testDb = useTestDatabase({ poolMax: 25 });
assertLedgerAfterEach(testDb);
const f = commissionFixtures(() => testDb.db);
const paidAt = new Date("2026-03-01T12:00:00Z");
const afterHold = new Date(paidAt.getTime() + 31 * 86_400_000);

/** A flagged referral (disposable e-mail domain) whose client paid once: commission and points held. */
async function flaggedPaidReferral() {
  const admin = await f.makeUser({ role: "admin" });
  const { user: referrer, code } = await f.makeReferrer();
  const client = await f.referClient(code.code, { flagged: true });
  await f.pay(client.userId, 3995, { occurredAt: paidAt }, paidAt);
  expect((await f.ledgerOf(referrer.id)).map((c) => c.status)).toEqual(["pending"]);
  expect((await pointsOf(testDb, referrer.id)).pending).toBeGreaterThan(0);
  return { admin, referrer, client };
}

const auditActions = async (referralId: number) =>
  (
    await testDb.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "referral"), eq(auditLog.entityId, String(referralId))))
  ).map((a) => a.action);

describe("reviewReferrals", () => {
  it("approve releases the held commissions and pending points, and audits the decision", async () => {
    const { admin, referrer, client } = await flaggedPaidReferral();
    const result = await reviewReferrals(testDb.db, {
      referralIds: [client.referralId],
      decision: "approve",
      actor: { actorUserId: admin.id },
      now: afterHold,
    });
    expect(result).toEqual({ decided: [client.referralId], skipped: [] });
    expect((await f.ledgerOf(referrer.id)).map((c) => c.status)).toEqual(["approved"]);
    expect((await pointsOf(testDb, referrer.id)).pending).toBe(0);
    expect((await pointsOf(testDb, referrer.id)).balance).toBeGreaterThan(0);
    expect(await f.referralRow(client.referralId)).toMatchObject({
      reviewStatus: "approved",
      commissionEligible: true,
      reviewedByUserId: admin.id,
      reviewedAt: afterHold,
    });
    expect(await auditActions(client.referralId)).toEqual(
      expect.arrayContaining(["referral.approved", "referral.commissions_released", "points.release"]),
    );
  });

  it("reject rejects the held commissions and voids the pending points", async () => {
    const { admin, referrer, client } = await flaggedPaidReferral();
    const result = await reviewReferrals(testDb.db, {
      referralIds: [client.referralId],
      decision: "reject",
      actor: { actorUserId: admin.id },
      now: afterHold,
    });
    expect(result).toEqual({ decided: [client.referralId], skipped: [] });
    expect((await f.ledgerOf(referrer.id)).map((c) => c.status)).toEqual(["rejected"]);
    expect(await pointsOf(testDb, referrer.id)).toEqual({ balance: 0, pending: 0 });
    expect(await f.referralRow(client.referralId)).toMatchObject({
      reviewStatus: "rejected",
      commissionEligible: false,
      reviewedByUserId: admin.id,
    });
    expect(await auditActions(client.referralId)).toEqual(
      expect.arrayContaining(["referral.rejected", "referral.commissions_rejected", "points.void"]),
    );
  });

  it("two admins approving at once release the money and points exactly once", async () => {
    const { admin, referrer, client } = await flaggedPaidReferral();
    const other = await f.makeUser({ role: "admin" });
    const results = await Promise.all(
      [admin, other].map((a) =>
        reviewReferrals(testDb.db, {
          referralIds: [client.referralId],
          decision: "approve",
          actor: { actorUserId: a.id },
          now: afterHold,
        }),
      ),
    );
    expect(results.map((r) => r.decided.length).sort()).toEqual([0, 1]);
    expect(results.map((r) => r.skipped.length).sort()).toEqual([0, 1]);
    expect((await f.ledgerOf(referrer.id)).map((c) => c.status)).toEqual(["approved"]);
    const audits = await auditActions(client.referralId);
    expect(audits.filter((a) => a === "referral.approved")).toHaveLength(1);
    expect(audits.filter((a) => a === "referral.commissions_released")).toHaveLength(1);
    expect(audits.filter((a) => a === "points.release")).toHaveLength(1);
  });

  it("an approve racing a reject: exactly one decision wins", async () => {
    const { admin, referrer, client } = await flaggedPaidReferral();
    const results = await Promise.all(
      (["approve", "reject"] as const).map((decision) =>
        reviewReferrals(testDb.db, {
          referralIds: [client.referralId],
          decision,
          actor: { actorUserId: admin.id },
          now: afterHold,
        }),
      ),
    );
    expect(results.flatMap((r) => r.decided)).toEqual([client.referralId]);
    const winner = results[0].decided.length ? "approved" : "rejected";
    expect((await f.referralRow(client.referralId)).reviewStatus).toBe(winner);
    expect((await f.ledgerOf(referrer.id)).map((c) => c.status)).toEqual([winner]);
  });

  it("skips and reports referrals that are not pending review, deciding the others", async () => {
    const { admin, client } = await flaggedPaidReferral();
    const { code } = await f.makeReferrer();
    const unflagged = await f.referClient(code.code);
    await reviewReferrals(testDb.db, {
      referralIds: [client.referralId],
      decision: "reject",
      actor: { actorUserId: admin.id },
    });
    const second = await flaggedPaidReferral();
    const result = await reviewReferrals(testDb.db, {
      referralIds: [client.referralId, unflagged.referralId, 987_654_321, second.client.referralId],
      decision: "approve",
      actor: { actorUserId: admin.id },
      now: afterHold,
    });
    expect(result).toEqual({
      decided: [second.client.referralId],
      skipped: [client.referralId, unflagged.referralId, 987_654_321],
    });
    // The earlier rejection stands; the unflagged referral is untouched.
    expect((await f.referralRow(client.referralId)).reviewStatus).toBe("rejected");
    expect((await f.referralRow(unflagged.referralId)).reviewStatus).toBe("not_required");
    const decidedAudits = await testDb.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "referral.approved"),
          inArray(auditLog.entityId, [String(client.referralId), String(unflagged.referralId)]),
        ),
      );
    expect(decidedAudits).toEqual([]);
  });
});
