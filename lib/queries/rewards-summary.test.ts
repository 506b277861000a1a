import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/testing/use-test-database";
import { makeReferrer, restoreRulesAfterEach, setRule, signupWith } from "@/testing/rewards";
import { getRewardsSummary } from "./rewards-summary";

const testDb = useTestDatabase();
restoreRulesAfterEach(testDb);
const day = 86_400_000;

describe("getRewardsSummary", () => {
  it("shows the badge held, the next milestone and how far it is, and offers with progress", async () => {
    const now = new Date();
    await setRule(testDb, "offer", {
      isActive: true,
      startsAt: new Date(now.getTime() - day),
      endsAt: new Date(now.getTime() + 5 * day),
    });
    const { user: referrer, code } = await makeReferrer(testDb);
    for (let i = 0; i < 6; i++)
      await signupWith(testDb.db, code, { now: new Date(now.getTime() - (i < 2 ? 0 : 3 * day)) });

    const summary = await getRewardsSummary(testDb.db, referrer.id, now);
    expect(summary.countedReferrals).toBe(6);
    expect(summary.current).toMatchObject({ badge: "bronze", unlock: "Free theme" });
    expect(summary.next).toMatchObject({ badge: "silver", referrals: 20 });
    expect(summary.remaining).toBe(14);
    expect(summary.milestones.map((m) => [m.badge, m.earned])).toEqual([
      ["bronze", true],
      ["silver", false],
      ["gold", false],
    ]);
    expect(summary.offers).toEqual([
      expect.objectContaining({ name: "Refer 3 in 7 days", counted: 2, referrals: 3, earned: false }),
    ]);
    expect(summary.recent.length).toBeGreaterThan(0);
  });
});
