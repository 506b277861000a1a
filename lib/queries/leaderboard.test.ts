import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { referralUsageLog, userBadges, users } from "@/db/schema";
import { useTestDatabase } from "@/testing/use-test-database";
import { makeClient } from "@/testing/rewards";
import { findRollupMismatches } from "@/lib/referrals/rollup-mismatches";
import { getLeaderboard, getLeaderboardOptIn } from "./leaderboard";

const testDb = useTestDatabase();
const now = new Date("2026-06-30T12:00:00Z");
const daysAgo = (d: number, extraMs = 0) => new Date(now.getTime() - d * 86_400_000 + extraMs);

async function referrals(
  referrerId: number,
  times: Date[],
  reviewStatus: "not_required" | "pending" | "rejected" | "approved" = "not_required",
) {
  for (const usedAt of times) {
    const friend = await makeClient(testDb);
    await testDb.db.insert(referralUsageLog).values({
      referrerUserId: referrerId,
      referredUserId: friend.id,
      codeUsed: "LBTEST",
      usedAt,
      reviewStatus,
      isFlagged: reviewStatus !== "not_required",
    });
  }
}

let ana: number, ben: number, cleo: number, dev: number, suspended: number;

beforeAll(async () => {
  ana = (await makeClient(testDb, { name: "Ana Alvarez" })).id;
  ben = (await makeClient(testDb, { name: "Ben Brooks" })).id;
  cleo = (await makeClient(testDb, { name: "Cleo" })).id;
  dev = (await makeClient(testDb, { name: "Dev Desai" })).id;
  suspended = (await makeClient(testDb, { name: "Sam Gone" })).id;
  await testDb.db.update(users).set({ leaderboardOptIn: true }).where(eq(users.id, cleo));
  await testDb.db.update(users).set({ status: "suspended" }).where(eq(users.id, suspended));
  // Ana and Ben tie at 3 in the last 30 days; Ben got his third first.
  await referrals(ana, [daysAgo(10), daysAgo(5), daysAgo(1)]);
  await referrals(ben, [daysAgo(12), daysAgo(6), daysAgo(2)]);
  // Cleo has the most of all time, but mostly long ago; held and rejected ones never count.
  await referrals(cleo, [daysAgo(200), daysAgo(150), daysAgo(100), daysAgo(90), daysAgo(3)]);
  await referrals(cleo, [daysAgo(1), daysAgo(1)], "pending");
  await referrals(cleo, [daysAgo(1)], "rejected");
  await referrals(dev, [daysAgo(4)], "approved");
  await referrals(suspended, [daysAgo(1), daysAgo(1), daysAgo(1), daysAgo(1)]);
  await testDb.db.insert(userBadges).values([
    { userId: cleo, badge: "bronze" },
    { userId: cleo, badge: "silver" },
  ]);
});

describe("getLeaderboard", () => {
  it("ranks the last 30 days by qualified referrals, ties to whoever got there first, names masked", async () => {
    const board = await getLeaderboard(testDb.db, { period: "30d", limit: 10, now });
    expect(board.entries.map((e) => [e.rank, e.displayName, e.referrals])).toEqual([
      [1, "B*** B.", 3],
      [2, "A*** A.", 3],
      [3, "D*** D.", 1],
      [4, "Cleo", 1],
    ]);
    expect(board.entries[3]).toMatchObject({ masked: false, badge: "silver", badgeName: "Silver" });
    expect(board.entries[0]).toMatchObject({ masked: true, badge: null });
  });

  it("all time puts the long-standing referrer first; never pads the board", async () => {
    const board = await getLeaderboard(testDb.db, { period: "all", limit: 10, now });
    expect(board.entries.map((e) => e.displayName)).toEqual(["Cleo", "B*** B.", "A*** A.", "D*** D."]);
    expect(board.entries).toHaveLength(4);
  });

  it("shows the viewer's own place when it is below the top rows", async () => {
    const board = await getLeaderboard(testDb.db, { period: "30d", limit: 2, now, viewerId: dev });
    expect(board.entries.map((e) => e.rank)).toEqual([1, 2]);
    expect(board.viewer).toMatchObject({ rank: 3, isViewer: true, referrals: 1 });
    const top = await getLeaderboard(testDb.db, { period: "30d", limit: 2, now, viewerId: ben });
    expect(top.entries[0].isViewer).toBe(true);
    expect(top.viewer).toBeNull();
  });

  it("is empty, not invented, when nobody qualifies", async () => {
    const board = await getLeaderboard(testDb.db, {
      period: "30d",
      limit: 10,
      now: new Date("2030-01-01T00:00:00Z"),
    });
    expect(board.entries).toEqual([]);
  });
});

describe("getLeaderboardOptIn", () => {
  it("is the user's own choice; off by default and for an unknown user", async () => {
    expect(await getLeaderboardOptIn(testDb.db, cleo)).toBe(true);
    expect(await getLeaderboardOptIn(testDb.db, ana)).toBe(false);
    expect(await getLeaderboardOptIn(testDb.db, 2_000_000_000)).toBe(false);
  });
});

describe("the counts behind the board (migration 0033)", () => {
  const at = {
    eveFirst: daysAgo(2),
    eveLast: daysAgo(1, 1_000),
    fayFirst: daysAgo(2, 500),
    fayLast: daysAgo(1),
  };
  let eve: number, fay: number;
  const place = async (period: "30d" | "all", id: number) => {
    const board = await getLeaderboard(testDb.db, { period, limit: 1, now, viewerId: id });
    const entry = board.viewer ?? board.entries.find((e) => e.isViewer);
    return entry ? { referrals: entry.referrals, reachedAt: entry.reachedAt.toISOString() } : null;
  };
  const setReview = (referrerId: number, usedAt: Date, reviewStatus: "rejected" | "approved") =>
    testDb.db
      .update(referralUsageLog)
      .set({ reviewStatus })
      .where(and(eq(referralUsageLog.referrerUserId, referrerId), eq(referralUsageLog.usedAt, usedAt)));
  const countsAgree = async () =>
    expect(
      (await findRollupMismatches(testDb.db)).filter((m) => m.rollup.startsWith("referrer_counted")),
    ).toEqual([]);

  beforeAll(async () => {
    eve = (await makeClient(testDb, { name: "Eve Ellis" })).id;
    fay = (await makeClient(testDb, { name: "Fay Ford" })).id;
    await referrals(eve, [at.eveFirst, at.eveLast]);
    await referrals(fay, [at.fayFirst, at.fayLast]);
  });

  it("follows review decisions both ways: the count and when it was reached", async () => {
    expect(await place("30d", eve)).toEqual({ referrals: 2, reachedAt: at.eveLast.toISOString() });
    await setReview(eve, at.eveLast, "rejected");
    expect(await place("30d", eve)).toEqual({ referrals: 1, reachedAt: at.eveFirst.toISOString() });
    expect(await place("all", eve)).toEqual({ referrals: 1, reachedAt: at.eveFirst.toISOString() });
    await countsAgree();
    await setReview(eve, at.eveLast, "approved");
    expect(await place("all", eve)).toEqual({ referrals: 2, reachedAt: at.eveLast.toISOString() });
    await countsAgree();
  });

  it("follows a deleted referral, and a referral moved to another day", async () => {
    await testDb.db
      .delete(referralUsageLog)
      .where(and(eq(referralUsageLog.referrerUserId, fay), eq(referralUsageLog.usedAt, at.fayLast)));
    expect(await place("30d", fay)).toEqual({ referrals: 1, reachedAt: at.fayFirst.toISOString() });
    const longAgo = daysAgo(90);
    await testDb.db
      .update(referralUsageLog)
      .set({ usedAt: longAgo })
      .where(and(eq(referralUsageLog.referrerUserId, fay), eq(referralUsageLog.usedAt, at.fayFirst)));
    expect(await place("30d", fay)).toBeNull();
    expect(await place("all", fay)).toEqual({ referrals: 1, reachedAt: longAgo.toISOString() });
    await countsAgree();
  });
});
