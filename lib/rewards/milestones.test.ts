import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { referralUsageLog, userBadges } from "@/db/schema";
import { useTestDatabase } from "@/testing/use-test-database";
import {
  assertLedgerAfterEach,
  ledgerOf,
  makeClient,
  makeReferrer,
  pointsOf,
  signupWith,
} from "@/testing/rewards";

const testDb = useTestDatabase({ poolMax: 25 });
assertLedgerAfterEach(testDb);

const badgesOf = async (userId: number) =>
  (await testDb.db.select().from(userBadges).where(eq(userBadges.userId, userId))).map((b) => b.badge).sort();

const milestoneRows = async (userId: number) =>
  (await ledgerOf(testDb, userId)).filter((r) => r.reason === "milestone_bonus");

/** Referrals that arrived before points existed (no ledger rows): they still count toward milestones. */
async function historicReferrals(referrerId: number, code: string, n: number) {
  for (let i = 0; i < n; i++) {
    const friend = await makeClient(testDb);
    await testDb.db
      .insert(referralUsageLog)
      .values({ referrerUserId: referrerId, referredUserId: friend.id, codeUsed: code });
  }
}

describe("milestones with badges", () => {
  it("awards Bronze with its bonus on the 5th qualified referral, once", async () => {
    const { user: referrer, code } = await makeReferrer(testDb);
    for (let i = 0; i < 4; i++) await signupWith(testDb.db, code);
    expect(await badgesOf(referrer.id)).toEqual([]);
    const fifth = await signupWith(testDb.db, code);
    expect(await badgesOf(referrer.id)).toEqual(["bronze"]);
    const [bonus] = await milestoneRows(referrer.id);
    expect(bonus).toMatchObject({
      deltaPoints: 100,
      status: "available",
      referralId: fifth.referral!.id,
      note: "Bronze badge: 5 referrals · unlocks Free theme",
    });
    await signupWith(testDb.db, code);
    expect(await milestoneRows(referrer.id)).toHaveLength(1);
  });

  it("Silver at 20 and Gold at 50, counting referrals from before the points program", async () => {
    const { user: referrer, code } = await makeReferrer(testDb);
    await historicReferrals(referrer.id, code, 18);
    await signupWith(testDb.db, code); // 19th: Bronze catches up
    expect(await badgesOf(referrer.id)).toEqual(["bronze"]);
    await signupWith(testDb.db, code); // 20th
    expect(await badgesOf(referrer.id)).toEqual(["bronze", "silver"]);
    await historicReferrals(referrer.id, code, 29);
    await signupWith(testDb.db, code); // 50th
    expect(await badgesOf(referrer.id)).toEqual(["bronze", "gold", "silver"]);
    expect((await milestoneRows(referrer.id)).map((r) => r.deltaPoints)).toEqual([100, 250, 500]);
  });

  it("a flagged referral does not cross a milestone", async () => {
    const { user: referrer, code } = await makeReferrer(testDb);
    for (let i = 0; i < 4; i++) await signupWith(testDb.db, code);
    await signupWith(testDb.db, code, { email: `fifth${Date.now()}@mailinator.com` });
    expect(await badgesOf(referrer.id)).toEqual([]);
  });

  it("50 concurrent qualifying signups crossing 5, 20 and 50: each badge and its bonus exactly once", async () => {
    const { user: referrer, codes } = await makeReferrer(testDb, { codes: 2 });
    for (let i = 0; i < 3; i++) await signupWith(testDb.db, codes[0]);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => signupWith(testDb.db, codes[i % 2])),
    );
    const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(failed.map((f) => String(f.reason))).toEqual([]);

    expect(await badgesOf(referrer.id)).toEqual(["bronze", "gold", "silver"]);
    const bonuses = await milestoneRows(referrer.id);
    expect(bonuses.map((b) => b.deltaPoints).sort((a, b) => a - b)).toEqual([100, 250, 500]);
    // Every referral got its own place in line: ordinals 1…53, each once.
    const ordinals = (await ledgerOf(testDb, referrer.id))
      .filter((r) => r.reason === "referral_referrer")
      .map((r) => Number(r.note!.replace("Referral #", "")))
      .sort((a, b) => a - b);
    expect(ordinals).toEqual(Array.from({ length: 53 }, (_, i) => i + 1));
    const schedule = 3 * 50 + 7 * 100 + 43 * 150;
    expect(await pointsOf(testDb, referrer.id)).toEqual({ balance: schedule + 100 + 250 + 500, pending: 0 });
  });
});
