import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { referralUsageLog, userBadges, users } from "@/db/schema";
import { rawRows, useTestDatabase } from "@/testing/use-test-database";
import { maskName } from "@/lib/privacy/mask";
import { makeClient } from "@/testing/rewards";
import { findRollupMismatches } from "@/lib/referrals/rollup-mismatches";
import { lastDays } from "@/lib/time-windows";
import { getLeaderboard, getLeaderboardOptIn, type Leaderboard } from "./leaderboard";
import { leaderboardWindowStart, moveLeaderboardWindow } from "./leaderboard-window";

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
  // The kept 30-day counts start where the board's window does for `now` (the job's move), so the boards
  // below are read from their indexes (the fast path); the other path is checked against it at the end.
  await moveLeaderboardWindow(testDb.db, now);
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

describe("the boards read from their indexes (migration 0037)", () => {
  const DAY = 86_400_000;
  const since = new Date("2026-06-01T00:00:00Z"); // the first day of the 30 days ending 2026-06-30
  const counted = () => findRollupMismatches(testDb.db);
  const noMismatch = async () =>
    expect((await counted()).filter((m) => m.rollup.startsWith("referrer_counted"))).toEqual([]);
  /**
   * The board as the indexes give it, and as the per-day counts give it (the window moved elsewhere, so
   * getLeaderboard takes its other path); the window is put back where it was.
   */
  async function bothWays(opts: { period: "30d" | "all"; limit: number; viewerId?: number; at?: Date }) {
    const at = opts.at ?? now;
    const kept = await leaderboardWindowStart(testDb.db);
    await moveLeaderboardWindow(testDb.db, at);
    const fast = await getLeaderboard(testDb.db, { ...opts, now: at });
    await moveLeaderboardWindow(testDb.db, new Date(at.getTime() - 45 * DAY));
    const recounted = await getLeaderboard(testDb.db, { ...opts, now: at });
    // Back to where it started: the window whose first day it was ends 29 days later.
    await moveLeaderboardWindow(testDb.db, new Date(Date.parse(`${kept}T00:00:00Z`) + 29 * DAY));
    return { fast, recounted };
  }
  /** The board recounted from the referrals themselves, ranked in JavaScript: what both paths must give. */
  async function recount(opts: { period: "30d" | "all"; limit: number; viewerId?: number; at?: Date }) {
    const from = opts.period === "30d" ? lastDays(opts.at ?? now, 30).since : new Date(0);
    const rows = rawRows<{ id: number; name: string; opt_in: boolean; n: number; last: string }>(
      await testDb.db.execute(sql`
        SELECT u.id, u.name, u.leaderboard_opt_in AS opt_in, count(*)::int AS n,
               to_char(max(l.used_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS last
          FROM referral_usage_log l JOIN users u ON u.id = l.referrer_user_id
         WHERE l.review_status IN ('not_required', 'approved') AND u.status = 'active' AND u.role = 'client'
           AND l.used_at >= ${from.toISOString()}::timestamptz
         GROUP BY u.id`),
    ).sort((a, b) => b.n - a.n || a.last.localeCompare(b.last) || a.id - b.id);
    const entry = (r: (typeof rows)[number], i: number) => [
      i + 1,
      r.opt_in ? r.name : maskName(r.name),
      r.n,
      r.last,
      r.id === opts.viewerId,
    ];
    const mine = rows.findIndex((r) => r.id === opts.viewerId);
    return {
      entries: rows.slice(0, opts.limit).map(entry),
      viewer: mine >= opts.limit ? [mine + 1, rows[mine].n, rows[mine].last] : null,
    };
  }
  const summary = (b: Leaderboard) => ({
    entries: b.entries.map((e) => [
      e.rank,
      e.displayName,
      e.referrals,
      e.reachedAt.toISOString(),
      e.isViewer,
    ]),
    viewer: b.viewer && [b.viewer.rank, b.viewer.referrals, b.viewer.reachedAt.toISOString()],
  });
  const place = async (id: number, at = now) => {
    const b = await getLeaderboard(testDb.db, { period: "30d", limit: 1, viewerId: id, now: at });
    const e = b.viewer ?? b.entries.find((x) => x.isViewer);
    return e ? e.referrals : null;
  };

  it("counts a referral at the window's first instant and not one a millisecond before", async () => {
    const edge = (await makeClient(testDb, { name: "Edge Case" })).id;
    await referrals(edge, [since, new Date(since.getTime() - 1)]);
    expect(await place(edge)).toBe(1);
    const { fast, recounted } = await bothWays({ period: "30d", limit: 50, viewerId: edge });
    expect(summary(fast)).toEqual(summary(recounted));
    expect(summary(fast)).toEqual(await recount({ period: "30d", limit: 50, viewerId: edge }));
    await noMismatch();
  });

  it("lets a day roll out when the job moves the window, once", async () => {
    const roller = (await makeClient(testDb, { name: "Rolling Stone" })).id;
    await referrals(roller, [since, new Date(since.getTime() + DAY), daysAgo(0)]);
    expect(await place(roller)).toBe(3);
    const tomorrow = new Date(now.getTime() + DAY);
    expect(await moveLeaderboardWindow(testDb.db, tomorrow)).toEqual({ days: 1 });
    expect(await moveLeaderboardWindow(testDb.db, tomorrow)).toEqual({ days: 0 });
    expect(await leaderboardWindowStart(testDb.db)).toBe("2026-06-02");
    expect(await place(roller, tomorrow)).toBe(2);
    await noMismatch();
    // A referral of the day that left stops counting: nothing more leaves the 30 days.
    await testDb.db
      .update(referralUsageLog)
      .set({ reviewStatus: "rejected" })
      .where(and(eq(referralUsageLog.referrerUserId, roller), eq(referralUsageLog.usedAt, since)));
    expect(await place(roller, tomorrow)).toBe(2);
    await noMismatch();
    // Moved back (a clock set back, a rehearsal), the day comes in again — without the rejected one.
    expect(await moveLeaderboardWindow(testDb.db, now)).toEqual({ days: 1 });
    expect(await place(roller)).toBe(2);
    await noMismatch();
  });

  it("follows reviews both ways and deletions inside the 30 days", async () => {
    const rev = (await makeClient(testDb, { name: "Rita Review" })).id;
    const held = daysAgo(3);
    await referrals(rev, [daysAgo(4), daysAgo(2)]);
    await referrals(rev, [held], "pending");
    expect(await place(rev)).toBe(2);
    const review = (reviewStatus: "approved" | "rejected") =>
      testDb.db
        .update(referralUsageLog)
        .set({ reviewStatus })
        .where(and(eq(referralUsageLog.referrerUserId, rev), eq(referralUsageLog.usedAt, held)));
    await review("approved");
    expect(await place(rev)).toBe(3);
    await review("rejected");
    expect(await place(rev)).toBe(2);
    await review("approved");
    await testDb.db
      .delete(referralUsageLog)
      .where(and(eq(referralUsageLog.referrerUserId, rev), eq(referralUsageLog.usedAt, daysAgo(2))));
    expect(await place(rev)).toBe(2);
    await noMismatch();
  });

  it("leaves a suspended or admin account off the board and its places, and takes it back", async () => {
    const star = (await makeClient(testDb, { name: "Star Struck" })).id;
    const fan = (await makeClient(testDb, { name: "Fan Follower" })).id;
    await referrals(
      star,
      Array.from({ length: 8 }, (_, i) => daysAgo(i + 1)),
    );
    await referrals(fan, [daysAgo(1)]);
    const rankOf = async (id: number) =>
      (await getLeaderboard(testDb.db, { period: "all", limit: 1, viewerId: id, now })).viewer?.rank;
    const before = await rankOf(fan);
    const top = await getLeaderboard(testDb.db, { period: "30d", limit: 1, now });
    expect(top.entries[0].displayName).toBe("S*** S.");
    await testDb.db.update(users).set({ status: "suspended" }).where(eq(users.id, star));
    expect(await rankOf(fan)).toBe(before! - 1);
    expect(
      (await getLeaderboard(testDb.db, { period: "30d", limit: 1, now })).entries[0].displayName,
    ).not.toBe("S*** S.");
    expect(await place(star)).toBeNull();
    await noMismatch();
    await testDb.db.update(users).set({ status: "active", role: "admin" }).where(eq(users.id, star));
    expect(await place(star)).toBeNull();
    await testDb.db.update(users).set({ role: "client" }).where(eq(users.id, star));
    expect(await rankOf(fan)).toBe(before);
    expect(await place(star)).toBe(8);
    await noMismatch();
  });

  it("makes a move wait for a referral being written on the day that leaves", async () => {
    const racer = (await makeClient(testDb, { name: "Race One" })).id;
    const friend = await makeClient(testDb);
    const tomorrow = new Date(now.getTime() + DAY);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const inserted = new Promise<void>((resolve) => (written = resolve));
    // The referral's triggers read the window as it is (first day 2026-06-01, so it counts as recent)
    // and its transaction stays open while the job moves the window past that day.
    const writing = testDb.db.transaction(async (tx) => {
      await tx.insert(referralUsageLog).values({
        referrerUserId: racer,
        referredUserId: friend.id,
        codeUsed: "LBTEST",
        usedAt: since,
      });
      written();
      await gate;
    });
    await inserted;
    let moved = false;
    const moving = moveLeaderboardWindow(testDb.db, tomorrow).then(() => (moved = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(moved).toBe(false); // waiting for the referral's transaction, not reading the day without it
    release();
    await Promise.all([writing, moving]);
    expect(await place(racer, tomorrow)).toBeNull();
    await noMismatch();
    await moveLeaderboardWindow(testDb.db, now);
    expect(await place(racer)).toBe(1);
    await noMismatch();
  });

  it("gives every viewer the same place both ways, after a random history", async () => {
    let seed = 12;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const people: number[] = [];
    for (let i = 0; i < 12; i++) people.push((await makeClient(testDb, { name: `Random Person${i}` })).id);
    for (let i = 0; i < 60; i++) {
      const who = people[Math.floor(random() * people.length)];
      // Whole seconds within the last 40 days, so ties of count and time both happen.
      const at = daysAgo(Math.floor(random() * 40), -Math.floor(random() * 3) * 1_000);
      const status = random() < 0.2 ? "pending" : "not_required";
      await referrals(who, [at], status);
    }
    const pending = await testDb.db
      .select({ id: referralUsageLog.id })
      .from(referralUsageLog)
      .where(eq(referralUsageLog.reviewStatus, "pending"));
    for (const { id } of pending.slice(0, 6)) {
      await testDb.db
        .update(referralUsageLog)
        .set({ reviewStatus: random() < 0.5 ? "approved" : "rejected" })
        .where(eq(referralUsageLog.id, id));
    }
    await testDb.db.update(users).set({ status: "inactive" }).where(eq(users.id, people[3]));
    await noMismatch();
    for (const period of ["30d", "all"] as const) {
      for (const viewerId of [undefined, ...people]) {
        const { fast, recounted } = await bothWays({ period, limit: 5, viewerId });
        expect(summary(fast)).toEqual(summary(recounted));
        expect(summary(fast)).toEqual(await recount({ period, limit: 5, viewerId }));
      }
    }
    // The same a week later, once the job has moved the window.
    const later = new Date(now.getTime() + 7 * DAY);
    const { fast, recounted } = await bothWays({ period: "30d", limit: 100, at: later });
    expect(summary(fast)).toEqual(summary(recounted));
    expect(summary(fast)).toEqual(await recount({ period: "30d", limit: 100, at: later }));
    expect(fast.entries.length).toBeGreaterThan(5);
  });
});
