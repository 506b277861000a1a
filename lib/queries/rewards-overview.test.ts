import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rewardCatalog } from "@/db/schema";
import { useTestDatabase } from "@/testing/use-test-database";
import { creditPoints } from "@/lib/rewards/ledger";
import { redeemPoints } from "@/lib/rewards/redeem-points";
import { makeClient, makeReferrer, signupWith } from "@/testing/rewards";
import { getRewardsOverview } from "./rewards-overview";

const testDb = useTestDatabase();
const day = 86_400_000;

describe("getRewardsOverview", () => {
  it("shows the catalog against the balance: affordable or how many points are missing", async () => {
    const { code } = await makeReferrer(testDb, { name: "Maya Test" });
    const friend = await signupWith(testDb.db, code);
    const overview = await getRewardsOverview(testDb.db, friend.user.id);
    expect(overview.balancePoints).toBe(20);
    expect(overview.catalog.map((c) => [c.name, c.affordable, c.pointsMissing])).toEqual([
      ["10% discount", false, 80],
      ["Free product", false, 280],
      ["Lifetime premium", false, 980],
    ]);
    expect(overview.history).toEqual([
      expect.objectContaining({
        label: "Welcome bonus",
        detail: "Joined with Maya Test's code",
        deltaPoints: 20,
      }),
    ]);
  });

  it("lists coupons, history with reasons in words, and points expiring within 30 days", async () => {
    const user = await makeClient(testDb);
    const now = new Date();
    await testDb.db.transaction(async (tx) => {
      await creditPoints(tx, {
        userId: user.id,
        points: 150,
        reason: "adjustment",
        status: "available",
        expiryDays: 365,
        now: new Date(now.getTime() - 350 * day),
      });
      await creditPoints(tx, {
        userId: user.id,
        points: 90,
        reason: "adjustment",
        status: "available",
        expiryDays: 365,
        now,
      });
    });
    const [discount] = await testDb.db.select().from(rewardCatalog).where(eq(rewardCatalog.costPoints, 100));
    const redemption = await redeemPoints(testDb.db, { userId: user.id, catalogItemId: discount.id, now });
    const overview = await getRewardsOverview(testDb.db, user.id, { now });
    expect(overview.balancePoints).toBe(140);
    expect(overview.redemptions).toEqual([
      expect.objectContaining({
        itemName: "10% discount",
        couponCode: redemption.couponCode,
        costPoints: 100,
      }),
    ]);
    expect(overview.history[0]).toMatchObject({
      label: "Redeemed",
      detail: "10% discount",
      couponCode: redemption.couponCode,
      deltaPoints: -100,
    });
    // 50 of the oldest 150 are left, and they expire in 15 days.
    expect(overview.expiringSoon?.points).toBe(50);
    expect(overview.historyTotal).toBe(3);
    const paged = await getRewardsOverview(testDb.db, user.id, { now, historyLimit: 2, historyOffset: 2 });
    expect(paged.history.map((h) => h.deltaPoints)).toEqual([150]);
  });
});
