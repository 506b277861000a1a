import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { listCampaigns } from "@/lib/queries/campaigns";
import { getCommissionTotals } from "@/lib/queries/commission-summary";
import { users } from "@/db/schema";
import { seedDemo } from "./seed";
import { rawRows, useTestDatabase } from "@/testing/use-test-database";

const testDb = useTestDatabase();
const idOf = async (email: string) =>
  (await testDb.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0].id;

describe("demo commissions", () => {
  beforeAll(async () => {
    await seedDemo(testDb.db, { password: "seed-test-pw", referrals: 150 });
  }, 180_000);

  it("hold commissions in every state, through the domain functions", async () => {
    const rows = rawRows<{ status: string; kind: string; n: number }>(
      await testDb.db.execute(sql`SELECT status, kind, count(*)::int AS n FROM commissions GROUP BY 1, 2`),
    );
    const statuses = new Set(rows.map((r) => r.status));
    expect(statuses).toEqual(new Set(["pending", "approved", "paid", "reversed", "rejected"]));
    expect(rows.some((r) => r.kind === "reversal" && r.status === "approved")).toBe(true); // carried forward
    const [batch] = rawRows<{ status: string; reference: string }>(
      await testDb.db.execute(sql`SELECT status, reference FROM payout_batches`),
    );
    expect(batch).toEqual({ status: "paid", reference: "WIRE-DEMO-0001" });
  });

  it("has a running Holiday campaign at 20% with commissions, and an ended one", async () => {
    const campaigns = rawRows<{
      campaign_name: string;
      commission_value: number;
      is_active: boolean;
      earned: number;
    }>(
      await testDb.db.execute(sql`
        SELECT c.campaign_name, c.commission_value, c.is_active,
               (SELECT count(*) FROM commissions m WHERE m.campaign_id = c.id)::int AS earned
          FROM referral_campaigns c ORDER BY c.id`),
    );
    expect(campaigns).toEqual([
      expect.objectContaining({
        campaign_name: expect.stringMatching(/^Holiday \d{4}$/),
        commission_value: 2000,
        is_active: true,
      }),
      expect.objectContaining({ campaign_name: expect.stringMatching(/^Summer \d{4}$/), is_active: false }),
    ]);
    expect(campaigns[0].earned).toBeGreaterThan(0);
    const [holiday, summer] = await listCampaigns(testDb.db, new Date());
    expect(holiday).toMatchObject({ state: "running", codeCount: 2 });
    expect(holiday.earnedCents).toBeGreaterThan(0);
    expect(summer).toMatchObject({ state: "ended", codeCount: 0 });
  });

  it("gives Agency XYZ partner overrides on Maya's referrals, and Maya her ×1.1 tier", async () => {
    const agency = await getCommissionTotals(testDb.db, await idOf("agency@example.com"));
    expect(agency.byLevel.partner).toBeGreaterThan(0);
    const maya = await getCommissionTotals(testDb.db, await idOf("maya@example.com"));
    expect(maya.earnedCents).toBe(maya.pendingCents + maya.approvedCents + maya.paidCents);
    expect(maya.paidCents).toBeGreaterThan(0);
    expect(maya.inReviewCents).toBeGreaterThan(0);
    const [tiered] = rawRows<{ n: number }>(
      await testDb.db.execute(sql`SELECT count(*)::int AS n FROM commissions WHERE rate_bps = 1100`),
    );
    expect(tiered.n).toBeGreaterThan(0);
  });

  it("leaves Amanda without commissions", async () => {
    const amanda = await getCommissionTotals(testDb.db, await idOf("amanda@example.com"));
    expect(amanda.earnedCents).toBe(0);
  });
});
