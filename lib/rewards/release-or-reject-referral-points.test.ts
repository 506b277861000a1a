import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, userBadges } from "@/db/schema";
import { useTestDatabase } from "@/testing/use-test-database";
import { releaseReferralPoints } from "./release-or-reject-referral-points";
import {
  approveReferral,
  assertLedgerAfterEach,
  flaggedSignup,
  ledgerOf,
  makeClient,
  makeReferrer,
  pointsOf,
  rejectReferral,
  signupWith,
} from "@/testing/rewards";

const testDb = useTestDatabase({ poolMax: 25 });
assertLedgerAfterEach(testDb);

describe("review of a flagged referral", () => {
  it("approval releases both shares, gives them a fresh expiry and writes an audit row", async () => {
    const admin = await makeClient(testDb);
    const { user: referrer, code } = await makeReferrer(testDb);
    const flagged = await flaggedSignup(testDb.db, code);
    const referralId = flagged.referral!.id;
    expect(await pointsOf(testDb, referrer.id)).toEqual({ balance: 0, pending: 50 });

    const result = await approveReferral(testDb, referralId, admin.id);
    expect(result).toEqual({ releasedPoints: 70, stillPendingPoints: 0, badges: [] });
    expect(await pointsOf(testDb, referrer.id)).toEqual({ balance: 50, pending: 0 });
    expect(await pointsOf(testDb, flagged.user.id)).toEqual({ balance: 20, pending: 0 });
    const [row] = await ledgerOf(testDb, referrer.id);
    expect(row.status).toBe("available");
    expect(row.expiresAt).not.toBeNull();
    const [audit] = await testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "points.release"), eq(auditLog.entityId, String(referralId))));
    expect(audit).toMatchObject({ actorUserId: admin.id, entityType: "referral" });

    // A second approval finds nothing left to release.
    expect((await approveReferral(testDb, referralId)).releasedPoints).toBe(0);
  });

  it("rejection voids every held point and keeps the rows as history", async () => {
    const { user: referrer, code } = await makeReferrer(testDb);
    await signupWith(testDb.db, code);
    const flagged = await flaggedSignup(testDb.db, code);
    expect(await rejectReferral(testDb, flagged.referral!.id)).toEqual({ voidedPoints: 70 });
    expect(await pointsOf(testDb, referrer.id)).toEqual({ balance: 50, pending: 0 });
    expect(await pointsOf(testDb, flagged.user.id)).toEqual({ balance: 0, pending: 0 });
    const rows = await ledgerOf(testDb, flagged.user.id);
    expect(rows.map((r) => r.status)).toEqual(["void"]);
    // Nothing left to release after a rejection.
    expect(
      (
        await testDb.db.transaction((tx) =>
          releaseReferralPoints(tx, flagged.referral!.id, { actorUserId: null }),
        )
      ).releasedPoints,
    ).toBe(0);
  });

  it("an approved referral counts: it can cross a milestone at approval time", async () => {
    const { user: referrer, code } = await makeReferrer(testDb);
    for (let i = 0; i < 4; i++) await signupWith(testDb.db, code);
    const fifth = await flaggedSignup(testDb.db, code);
    expect(await testDb.db.select().from(userBadges).where(eq(userBadges.userId, referrer.id))).toEqual([]);
    expect((await approveReferral(testDb, fifth.referral!.id)).badges).toEqual(["bronze"]);
    const bonus = (await ledgerOf(testDb, referrer.id)).filter((r) => r.reason === "milestone_bonus");
    expect(bonus.map((b) => [b.deltaPoints, b.referralId])).toEqual([[100, fifth.referral!.id]]);
  });

  it("two admins approving at once release the points once", async () => {
    const { user: referrer, code } = await makeReferrer(testDb);
    const flagged = await flaggedSignup(testDb.db, code);
    const results = await Promise.all([
      approveReferral(testDb, flagged.referral!.id),
      approveReferral(testDb, flagged.referral!.id),
    ]);
    expect(results.map((r) => r.releasedPoints).sort()).toEqual([0, 70]);
    expect(await pointsOf(testDb, referrer.id)).toEqual({ balance: 50, pending: 0 });
  });
});
