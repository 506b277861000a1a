import { and, asc, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { findLedgerMismatches } from "@/lib/rewards/find-ledger-mismatches";
import { loadRewardRules } from "@/lib/rewards/load-reward-rules";
import { COUPON_PATTERN } from "@/lib/rewards/coupon-code";
import { pointsLedger, redemptions, referralUsageLog, userBadges, users } from "@/db/schema";
import { seedDemo } from "./seed";
import { useTestDatabase } from "@/testing/use-test-database";

const testDb = useTestDatabase();
let mayaId = 0;

describe("demo rewards", () => {
  beforeAll(async () => {
    const started = performance.now();
    await seedDemo(testDb.db, { password: "seed-test-pw", referrals: 150 });
    console.info(
      `[seed] demo with 150 referrals and points in ${Math.round(performance.now() - started)} ms`,
    );
    [{ id: mayaId }] = await testDb.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, "maya@example.com"));
  });

  it("keeps every balance equal to its ledger", async () => {
    expect(await findLedgerMismatches(testDb.db)).toEqual([]);
  });

  it("gives every referral its points: the referrer's share and the new client's welcome bonus", async () => {
    const [referrals] = await testDb.db.select({ n: count() }).from(referralUsageLog);
    const [welcomes] = await testDb.db
      .select({ n: count() })
      .from(pointsLedger)
      .where(eq(pointsLedger.reason, "referral_new_client"));
    const [shares] = await testDb.db
      .select({ n: count() })
      .from(pointsLedger)
      .where(eq(pointsLedger.reason, "referral_referrer"));
    expect(welcomes.n).toBe(referrals.n);
    expect(shares.n).toBe(referrals.n);
    // Flagged referrals waiting for review hold their points.
    const [held] = await testDb.db
      .select({ n: count() })
      .from(pointsLedger)
      .where(and(eq(pointsLedger.reason, "referral_new_client"), eq(pointsLedger.status, "pending")));
    expect(held.n).toBeGreaterThan(0);
  });

  it("gives Maya badges, tier bonuses, a running offer and redemptions with coupons", async () => {
    const badges = await testDb.db.select().from(userBadges).where(eq(userBadges.userId, mayaId));
    expect(badges.map((b) => b.badge).sort()).toEqual(["bronze", "gold", "silver"]);
    const reasons = new Set(
      (await testDb.db.select().from(pointsLedger).where(eq(pointsLedger.userId, mayaId))).map(
        (r) => r.reason,
      ),
    );
    expect([...reasons]).toEqual(
      expect.arrayContaining(["referral_referrer", "tier_schedule", "milestone_bonus", "redemption"]),
    );
    const rules = await loadRewardRules(testDb.db, new Date());
    expect(rules.offers.map((o) => o.name)).toEqual(["Refer 3 in 7 days"]);
    const coupons = await testDb.db.select().from(redemptions).where(eq(redemptions.userId, mayaId));
    expect(coupons).toHaveLength(2);
    for (const c of coupons) expect(c.couponCode).toMatch(COUPON_PATTERN);
  });

  it("replays history in order: Maya's referrals are numbered 1…n and Bronze came with the 5th", async () => {
    const shares = await testDb.db
      .select({ note: pointsLedger.note, createdAt: pointsLedger.createdAt, status: pointsLedger.status })
      .from(pointsLedger)
      .where(and(eq(pointsLedger.userId, mayaId), eq(pointsLedger.reason, "referral_referrer")))
      .orderBy(asc(pointsLedger.createdAt), asc(pointsLedger.id));
    const counted = shares
      .filter((s) => s.status === "available")
      .map((s) => Number(s.note!.replace("Referral #", "")));
    expect(counted).toEqual(counted.map((_, i) => i + 1));
    const [bronze] = await testDb.db
      .select()
      .from(userBadges)
      .where(and(eq(userBadges.userId, mayaId), eq(userBadges.badge, "bronze")));
    const fifth = shares.filter((s) => s.status === "available")[4];
    expect(bronze.awardedAt.getTime()).toBe(fifth.createdAt.getTime());
  });
});
