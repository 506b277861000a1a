import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rewardCatalog, rewardRules } from "@/db/schema";
import { useTestDatabase } from "@/testing/use-test-database";
import { getProgramTerms } from "./program-terms";

const testDb = useTestDatabase();
const now = new Date("2026-05-01T12:00:00Z");

describe("getProgramTerms", () => {
  it("states the seeded program: 10% rising with the tier multipliers, +50/+20, the catalog, Bronze/Silver/Gold", async () => {
    const terms = await getProgramTerms(testDb.db, now);
    expect(terms.commissionTiers).toEqual([
      { fromReferrals: 1, rate: "10%" },
      { fromReferrals: 25, rate: "11%" },
      { fromReferrals: 50, rate: "12.5%" },
      { fromReferrals: 100, rate: "15%" },
    ]);
    expect(terms).toMatchObject({
      holdDays: 30,
      referrerPoints: 50,
      newClientPoints: 20,
      pointsExpireDays: 365,
    });
    expect(terms.catalog.map((c) => c.costPoints)).toEqual([100, 300, 1000]);
    expect(terms.milestones.map((m) => [m.badgeName, m.referrals])).toEqual([
      ["Bronze", 5],
      ["Silver", 20],
      ["Gold", 50],
    ]);
  });

  it("follows what an admin changed: a retired reward, a new threshold, no expiry", async () => {
    await testDb.db.update(rewardCatalog).set({ isActive: false }).where(eq(rewardCatalog.costPoints, 300));
    const [silver] = await testDb.db
      .select()
      .from(rewardRules)
      .where(eq(rewardRules.kind, "milestone"))
      .then((rows) => rows.filter((r) => (r.config as { badge: string }).badge === "silver"));
    await testDb.db
      .update(rewardRules)
      .set({ config: { ...(silver.config as object), referrals: 15 } })
      .where(eq(rewardRules.id, silver.id));
    await testDb.db.update(rewardRules).set({ isActive: false }).where(eq(rewardRules.kind, "expiry"));

    const terms = await getProgramTerms(testDb.db, now);
    expect(terms.catalog.map((c) => c.costPoints)).toEqual([100, 1000]);
    expect(terms.milestones.map((m) => m.referrals)).toEqual([5, 15, 50]);
    expect(terms.pointsExpireDays).toBeNull();
  });
});
