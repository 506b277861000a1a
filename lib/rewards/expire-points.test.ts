import { beforeAll, describe, expect, it } from "vitest";
import { rewardCatalog } from "@/db/schema";
import { useTestDatabase } from "@/testing/use-test-database";
import { expirePoints } from "./expire-points";
import { creditPoints, releasePendingEntries } from "./ledger";
import { redeemPoints } from "./redeem-points";
import { assertLedgerAfterEach, ledgerOf, makeClient, pointsOf } from "@/testing/rewards";

const testDb = useTestDatabase({ poolMax: 25 });
assertLedgerAfterEach(testDb);

const day = 86_400_000;
const t0 = new Date("2025-01-10T09:00:00Z");
const after = (days: number) => new Date(t0.getTime() + days * day);
let discountId = 0;

beforeAll(async () => {
  const items = await testDb.db.select().from(rewardCatalog);
  discountId = items.find((i) => i.costPoints === 100)!.id;
});

async function earn(userId: number, points: number, at: Date, status: "available" | "pending" = "available") {
  return testDb.db.transaction((tx) =>
    creditPoints(tx, { userId, points, reason: "adjustment", status, expiryDays: 365, now: at }),
  );
}

describe("points expiry", () => {
  it("expires points 365 days after they were earned, as one row with its reason", async () => {
    const user = await makeClient(testDb);
    await earn(user.id, 70, t0);
    expect(await expirePoints(testDb.db, after(364))).toEqual({ users: 0, points: 0 });
    expect((await pointsOf(testDb, user.id)).balance).toBe(70);
    expect(await expirePoints(testDb.db, after(365))).toEqual({ users: 1, points: 70 });
    expect((await pointsOf(testDb, user.id)).balance).toBe(0);
    expect((await ledgerOf(testDb, user.id)).at(-1)).toMatchObject({
      reason: "expiry",
      deltaPoints: -70,
      note: "Earned Jan 10, 2025",
    });
  });

  it("spends oldest first, so only what is left of the oldest points expires, and later points later", async () => {
    const user = await makeClient(testDb);
    await earn(user.id, 100, t0);
    await earn(user.id, 80, after(100));
    // Redeeming 100 uses the oldest lot entirely.
    await redeemPoints(testDb.db, { userId: user.id, catalogItemId: discountId, now: after(200) });
    await expirePoints(testDb.db, after(365));
    expect((await pointsOf(testDb, user.id)).balance).toBe(80);
    expect((await ledgerOf(testDb, user.id)).some((r) => r.reason === "expiry")).toBe(false);
    await expirePoints(testDb.db, after(465));
    expect((await pointsOf(testDb, user.id)).balance).toBe(0);
    expect((await ledgerOf(testDb, user.id)).at(-1)).toMatchObject({ reason: "expiry", deltaPoints: -80 });
  });

  it("expires a partly spent lot's remainder and keeps younger lots", async () => {
    const user = await makeClient(testDb);
    await earn(user.id, 150, t0);
    await earn(user.id, 40, after(300));
    await redeemPoints(testDb.db, { userId: user.id, catalogItemId: discountId, now: after(10) });
    await expirePoints(testDb.db, after(366));
    expect((await pointsOf(testDb, user.id)).balance).toBe(40);
    expect((await ledgerOf(testDb, user.id)).at(-1)).toMatchObject({ reason: "expiry", deltaPoints: -50 });
  });

  it("is idempotent: a second run finds nothing", async () => {
    const user = await makeClient(testDb);
    await earn(user.id, 30, t0);
    await expirePoints(testDb.db, after(400));
    expect(await expirePoints(testDb.db, after(400))).toEqual({ users: 0, points: 0 });
    expect((await ledgerOf(testDb, user.id)).filter((r) => r.reason === "expiry")).toHaveLength(1);
  });

  it("pending points do not age; their year starts when they are released", async () => {
    const user = await makeClient(testDb);
    const id = await earn(user.id, 60, t0, "pending");
    await expirePoints(testDb.db, after(500));
    expect(await pointsOf(testDb, user.id)).toEqual({ balance: 0, pending: 60 });
    await testDb.db.transaction((tx) =>
      releasePendingEntries(tx, [{ id, userId: user.id, deltaPoints: 60 }], {
        now: after(500),
        expiryDays: 365,
      }),
    );
    await expirePoints(testDb.db, after(864));
    expect((await pointsOf(testDb, user.id)).balance).toBe(60);
    await expirePoints(testDb.db, after(865));
    expect((await pointsOf(testDb, user.id)).balance).toBe(0);
  });

  it("a redemption never spends expired points, even before the job ran, and races with the job safely", async () => {
    const user = await makeClient(testDb);
    await earn(user.id, 100, t0);
    await earn(user.id, 50, after(200));
    const at = after(370);
    const [job, redemption] = await Promise.allSettled([
      expirePoints(testDb.db, at),
      redeemPoints(testDb.db, { userId: user.id, catalogItemId: discountId, now: at }),
    ]);
    expect(job.status).toBe("fulfilled");
    expect(redemption.status).toBe("rejected");
    expect((redemption as PromiseRejectedResult).reason).toMatchObject({ code: "insufficient_points" });
    expect(await pointsOf(testDb, user.id)).toEqual({ balance: 50, pending: 0 });
    expect(
      (await ledgerOf(testDb, user.id)).filter((r) => r.reason === "expiry").map((r) => r.deltaPoints),
    ).toEqual([-100]);
  });
});
