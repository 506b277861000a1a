import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemo } from "./seed";
import { rawRows, useTestDatabase } from "@/testing/use-test-database";

const testDb = useTestDatabase();

describe("demo commissions without generated referrals (npm run db:seed -- --referrals 0)", () => {
  it("seeds what it can and does not fail", async () => {
    await seedDemo(testDb.db, { password: "seed-test-pw", referrals: 0 });
    const [row] = rawRows<{ campaigns: number }>(
      await testDb.db.execute(sql`SELECT count(*)::int AS campaigns FROM referral_campaigns`),
    );
    expect(row.campaigns).toBe(2);
  }, 120_000);
});
