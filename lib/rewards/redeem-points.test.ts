import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { redemptions, rewardCatalog } from "@/db/schema";
import { useTestDatabase } from "@/testing/use-test-database";
import { DomainError } from "@/lib/errors";
import { COUPON_PATTERN } from "./coupon-code";
import { creditPoints } from "./ledger";
import { redeemPoints } from "./redeem-points";
import { assertLedgerAfterEach, ledgerOf, makeClient, pointsOf } from "@/testing/rewards";

const testDb = useTestDatabase({ poolMax: 25 });
assertLedgerAfterEach(testDb);

const now = new Date("2026-06-15T12:00:00Z");
const catalog: Record<string, number> = {};

beforeAll(async () => {
  for (const item of await testDb.db.select().from(rewardCatalog)) catalog[item.name] = item.id;
});

async function clientWith(...credits: number[]) {
  const user = await makeClient(testDb);
  for (const [i, points] of credits.entries()) {
    await testDb.db.transaction((tx) =>
      creditPoints(tx, {
        userId: user.id,
        points,
        reason: "adjustment",
        status: "available",
        expiryDays: 365,
        now: new Date(now.getTime() - (credits.length - i) * 86_400_000),
      }),
    );
  }
  return user;
}

const redeem = (userId: number, name: string) =>
  redeemPoints(testDb.db, { userId, catalogItemId: catalog[name], now });

describe("redeemPoints", () => {
  it("has the seeded catalog: 100 → 10% discount, 300 → free product, 1000 → lifetime premium", async () => {
    const items = await testDb.db
      .select({ name: rewardCatalog.name, cost: rewardCatalog.costPoints, type: rewardCatalog.rewardType })
      .from(rewardCatalog)
      .orderBy(rewardCatalog.sortOrder);
    expect(items).toEqual([
      { name: "10% discount", cost: 100, type: "discount_percent" },
      { name: "Free product", cost: 300, type: "free_product" },
      { name: "Lifetime premium", cost: 1000, type: "lifetime_premium" },
    ]);
  });

  it("deducts the cost, oldest points first, and issues a coupon in one transaction", async () => {
    const user = await clientWith(60, 50, 200);
    const result = await redeem(user.id, "10% discount");
    expect(result).toMatchObject({ costPoints: 100, balancePoints: 210, item: { name: "10% discount" } });
    expect(result.couponCode).toMatch(COUPON_PATTERN);
    const rows = await ledgerOf(testDb, user.id);
    expect(rows.map((r) => r.remainingPoints)).toEqual([0, 10, 200, 0]);
    expect(rows.at(-1)).toMatchObject({
      deltaPoints: -100,
      reason: "redemption",
      redemptionId: result.redemptionId,
      note: "10% discount",
    });
    const [stored] = await testDb.db
      .select()
      .from(redemptions)
      .where(eq(redemptions.id, result.redemptionId));
    expect(stored).toMatchObject({ userId: user.id, costPoints: 100, couponCode: result.couponCode });
  });

  it("refuses an unaffordable reward and says how many points are missing", async () => {
    const user = await clientWith(120);
    const error = await redeem(user.id, "Free product").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: "insufficient_points",
      status: 409,
      message: "You need 180 more points to redeem Free product (it costs 300, you have 120).",
    });
    expect(await pointsOf(testDb, user.id)).toEqual({ balance: 120, pending: 0 });
    const [row] = await testDb.db
      .select({ n: count() })
      .from(redemptions)
      .where(eq(redemptions.userId, user.id));
    expect(row.n).toBe(0);
  });

  it("refuses below the 100-point minimum and a reward that is no longer offered", async () => {
    const poor = await clientWith(99);
    await expect(redeem(poor.id, "10% discount")).rejects.toThrow("You need 1 more points");
    const [retired] = await testDb.db
      .insert(rewardCatalog)
      .values({ name: "Old mug", costPoints: 100, rewardType: "free_product", isActive: false })
      .returning();
    const rich = await clientWith(500);
    await expect(
      redeemPoints(testDb.db, { userId: rich.id, catalogItemId: retired.id, now }),
    ).rejects.toMatchObject({
      code: "reward_not_found",
      status: 404,
    });
    await expect(
      redeemPoints(testDb.db, { userId: rich.id, catalogItemId: 999_999, now }),
    ).rejects.toMatchObject({
      status: 404,
    });
  });

  it("issues a different coupon for every redemption", async () => {
    const user = await clientWith(1000);
    const coupons = [];
    for (let i = 0; i < 10; i++) coupons.push((await redeem(user.id, "10% discount")).couponCode);
    expect(new Set(coupons).size).toBe(10);
    expect(await pointsOf(testDb, user.id)).toEqual({ balance: 0, pending: 0 });
  });

  it("100 concurrent redemptions on a balance that covers one: exactly one coupon, balance never negative", async () => {
    const user = await clientWith(150);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 100 }, () => redeem(user.id, "10% discount")),
    );
    const ok = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(99);
    for (const r of refused) {
      expect(r.reason).toMatchObject({
        code: "insufficient_points",
        message: expect.stringContaining("You need 50 more"),
      });
    }
    const issued = await testDb.db.select().from(redemptions).where(eq(redemptions.userId, user.id));
    expect(issued).toHaveLength(1);
    expect(await pointsOf(testDb, user.id)).toEqual({ balance: 50, pending: 0 });
    console.info(
      `[concurrency] 100 parallel redemptions of 100 on 150 points (${testDb.kind}): ${ok.length} coupon, ${refused.length} refused, balance 50`,
    );
  });
});
