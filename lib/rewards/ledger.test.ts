import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { pointsLedger, users } from "@/db/schema";
import { PG, pgErrorFrom } from "@/testing/pg-error";
import { useTestDatabase } from "@/testing/use-test-database";
import {
  creditPoints,
  debitPoints,
  InsufficientPointsError,
  releasePendingEntries,
  voidPendingEntries,
} from "./ledger";
import { assertLedgerAfterEach, ledgerOf, makeClient, pointsOf } from "@/testing/rewards";

const testDb = useTestDatabase({ poolMax: 25 });
assertLedgerAfterEach(testDb);

const now = new Date("2026-06-15T12:00:00Z");
const daysLater = (d: number) => new Date(now.getTime() + d * 86_400_000);

const credit = (userId: number, points: number, at = now, status: "available" | "pending" = "available") =>
  testDb.db.transaction((tx) =>
    creditPoints(tx, { userId, points, reason: "adjustment", status, expiryDays: 365, now: at }),
  );
const debit = (userId: number, points: number, at = now) =>
  testDb.db.transaction((tx) => debitPoints(tx, { userId, points, reason: "adjustment", now: at }));

describe("points ledger", () => {
  it("credits available points with an expiry and pending points without one", async () => {
    const user = await makeClient(testDb);
    await credit(user.id, 120);
    await credit(user.id, 30, now, "pending");
    expect(await pointsOf(testDb, user.id)).toEqual({ balance: 120, pending: 30 });
    const [available, pending] = await ledgerOf(testDb, user.id);
    expect(available).toMatchObject({ deltaPoints: 120, remainingPoints: 120, status: "available" });
    expect(available.expiresAt?.toISOString()).toBe("2027-06-15T12:00:00.000Z");
    expect(pending).toMatchObject({ deltaPoints: 30, status: "pending", expiresAt: null });
  });

  it("spends oldest points first and records the debit as its own row", async () => {
    const user = await makeClient(testDb);
    const first = await credit(user.id, 50, now);
    const second = await credit(user.id, 80, daysLater(10));
    const third = await credit(user.id, 40, daysLater(20));
    const { balancePoints } = await debit(user.id, 100, daysLater(30));
    expect(balancePoints).toBe(70);
    const rows = await ledgerOf(testDb, user.id);
    const remaining = Object.fromEntries(rows.map((r) => [r.id, r.remainingPoints]));
    expect([remaining[first], remaining[second], remaining[third]]).toEqual([0, 30, 40]);
    expect(rows.at(-1)).toMatchObject({ deltaPoints: -100, remainingPoints: 0, reason: "adjustment" });
  });

  it("refuses a spend the balance does not cover, writing nothing", async () => {
    const user = await makeClient(testDb);
    await credit(user.id, 60);
    const error = await debit(user.id, 61).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsufficientPointsError);
    expect((error as InsufficientPointsError).balancePoints).toBe(60);
    expect(await pointsOf(testDb, user.id)).toEqual({ balance: 60, pending: 0 });
    expect(await ledgerOf(testDb, user.id)).toHaveLength(1);
  });

  it("pending points are not spendable", async () => {
    const user = await makeClient(testDb);
    await credit(user.id, 500, now, "pending");
    await expect(debit(user.id, 100)).rejects.toBeInstanceOf(InsufficientPointsError);
  });

  it("releases pending points (their expiry starts then) and voids others", async () => {
    const user = await makeClient(testDb);
    await credit(user.id, 40, now, "pending");
    await credit(user.id, 25, now, "pending");
    const [a, b] = await ledgerOf(testDb, user.id);
    const released = daysLater(3);
    await testDb.db.transaction(async (tx) => {
      await releasePendingEntries(tx, [a], { now: released, expiryDays: 365 });
      await voidPendingEntries(tx, [b]);
    });
    expect(await pointsOf(testDb, user.id)).toEqual({ balance: 40, pending: 0 });
    const [ra, rb] = await ledgerOf(testDb, user.id);
    expect(ra).toMatchObject({ status: "available", remainingPoints: 40 });
    expect(ra.expiresAt?.toISOString()).toBe("2027-06-18T12:00:00.000Z");
    expect(rb).toMatchObject({ status: "void", remainingPoints: 0 });
  });

  it("the database refuses a negative balance even when the application does not check", async () => {
    const user = await makeClient(testDb);
    const error = await pgErrorFrom(
      testDb.db
        .update(users)
        .set({ pointsBalance: sql`${users.pointsBalance} - 1` })
        .where(eq(users.id, user.id)),
    );
    expect(error).toMatchObject({ code: PG.checkViolation, constraint: "users_points_balance_nonneg" });
    const zero = await pgErrorFrom(
      testDb.db.insert(pointsLedger).values({ userId: user.id, deltaPoints: 0, reason: "adjustment" }),
    );
    expect(zero).toMatchObject({ code: PG.checkViolation, constraint: "points_ledger_nonzero" });
  });

  it("100 concurrent spends of 10 on a balance of 250: exactly 25 go through, never below zero", async () => {
    const user = await makeClient(testDb);
    for (let i = 0; i < 5; i++) await credit(user.id, 50, daysLater(i));
    const outcomes = await Promise.allSettled(Array.from({ length: 100 }, () => debit(user.id, 10)));
    const ok = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(ok).toHaveLength(25);
    for (const r of refused) expect(r.reason).toBeInstanceOf(InsufficientPointsError);
    expect(await pointsOf(testDb, user.id)).toEqual({ balance: 0, pending: 0 });
  });
});
