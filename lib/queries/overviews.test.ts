import { beforeAll, describe, expect, it } from "vitest";
import { referralClicks } from "@/db/schema";
import { insertCode, insertReferral, insertUser } from "@/testing/fixtures";
import { useTestDatabase } from "@/testing/use-test-database";
import { getAdminOverview } from "./admin-overview";
import { getReferrerOverview } from "./referrer-overview";
import { getTopReferrers } from "./report-charts";

const testDb = useTestDatabase();
const now = new Date("2026-06-30T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
let referrerId = 0;

beforeAll(async () => {
  const db = testDb.db;
  const referrer = await insertUser(db, { email: "ref@example.com", name: "Referrer" });
  referrerId = referrer.id;
  const code = await insertCode(db, referrer.id, "REFCODE1");
  const ages = [1, 29.9, 30.1, 45];
  for (const [i, age] of ages.entries()) {
    const referred = await insertUser(db, { email: `friend${i}@example.org`, name: `Friend ${i}` });
    await insertReferral(db, code, { usedAt: daysAgo(age), isFlagged: i === 0 }, referred);
  }
  await db
    .insert(referralClicks)
    .values(
      [2, 3, 10, 40, 50, 60, 70, 80].map((age) => ({ referralCodeId: code.id, clickedAt: daysAgo(age) })),
    );
});

describe("getReferrerOverview", () => {
  // (Referral counts and their 7/30-day windows are the analytics query's: referral-analytics.test.ts.)
  it("lists the codes with usage and clicks", async () => {
    const overview = await getReferrerOverview(testDb.db, referrerId);
    expect(overview).toEqual({
      codes: [expect.objectContaining({ code: "REFCODE1", usageCount: 4, clicks: 8, usageLimit: null })],
    });
  });
});

describe("getAdminOverview", () => {
  it("counts clients, referrals and pending reviews", async () => {
    const overview = await getAdminOverview(testDb.db);
    expect(overview).toEqual({
      clients: 5,
      referrals: 4,
      pendingReview: 0, // the flagged row was inserted without a pending review status
    });
  });
});

describe("getTopReferrers (the seed's BI query)", () => {
  // "Last 30 days" = the 30 whole UTC days ending today (lib/time-windows.ts), from 06-01 00:00: the
  // referral of 29.9 days ago (05-31 14:24) is outside it, as on every other page.
  it("ranks referrers by referrals in the last 30 days, with total and average commission", async () => {
    expect(await getTopReferrers(testDb.db, now)).toEqual([
      {
        userId: referrerId,
        name: "Referrer",
        email: "ref@example.com",
        referrals: 1,
        totalCommissionCents: 0,
        avgCommissionCents: 0,
        otherCurrencies: [],
      },
    ]);
  });
});
