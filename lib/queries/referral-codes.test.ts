import { describe, expect, it } from "vitest";
import { commissions } from "@/db/schema";
import { insertClient, insertCode, insertReferral } from "@/testing/fixtures";
import { useTestDatabase } from "@/testing/use-test-database";
import { listClientCodes } from "./referral-codes";

const testDb = useTestDatabase();

type CommissionRow = typeof commissions.$inferInsert;
async function commission(
  referralId: number,
  beneficiaryUserId: number,
  amountCents: number,
  overrides: Partial<CommissionRow> = {},
) {
  const [row] = await testDb.db
    .insert(commissions)
    .values({
      referralId,
      beneficiaryUserId,
      amountCents,
      holdUntil: new Date("2025-09-01T00:00:00Z"),
      ...overrides,
    })
    .returning();
  return row;
}

describe("listClientCodes", () => {
  it("counts uses from the log, eligible referrals, and direct commissions net of reversals", async () => {
    const maya = await insertClient(testDb.db);
    const partner = await insertClient(testDb.db);
    const vip = await insertCode(testDb.db, maya.id, "MAYA2025", {
      codeName: "Maya VIP Code",
      usageLimit: 10,
    });
    const spare = await insertCode(testDb.db, maya.id, "MAYA-SPARE");

    const [r1, r2, r3] = [
      await insertReferral(testDb.db, vip),
      await insertReferral(testDb.db, vip),
      await insertReferral(testDb.db, vip, { commissionEligible: false }),
    ];
    await commission(r1.id, maya.id, 999, { status: "paid" });
    const refunded = await commission(r2.id, maya.id, 999, { status: "approved" });
    await commission(r2.id, maya.id, -999, {
      kind: "reversal",
      reversesCommissionId: refunded.id,
      status: "reversed",
    });
    await commission(r2.id, maya.id, 1998);
    await commission(r3.id, maya.id, 999);
    await commission(r3.id, maya.id, 5000, { status: "rejected" }); // fraud: not earned
    await commission(r1.id, partner.id, 300, { level: "partner" }); // the agency's override, not Maya's

    // Someone else's activity stays out of Maya's numbers.
    const other = await insertClient(testDb.db);
    const othersCode = await insertCode(testDb.db, other.id, "OTHER2025");
    await commission((await insertReferral(testDb.db, othersCode)).id, other.id, 12345);

    const codes = await listClientCodes(testDb.db, maya.id);
    expect(codes).toHaveLength(2);
    expect(codes[0]).toMatchObject({
      id: vip.id,
      code: "MAYA2025",
      code_name: "Maya VIP Code",
      usage_limit: 10,
      usage_count: 3,
      actual_usage_count: 3,
      eligible_referrals: 2,
      // 999 + (999 − 999) + 1998 + 999 = 3996 cents
      total_commission_earned: "39.96",
      expires_at: null,
      is_active: true,
    });
    expect(codes[0].created_at).toBeInstanceOf(Date);
    expect(codes[0].updated_at).toBeInstanceOf(Date);
    expect(codes[1]).toMatchObject({
      id: spare.id,
      code: "MAYA-SPARE",
      usage_count: 0,
      actual_usage_count: 0,
      eligible_referrals: 0,
      total_commission_earned: "0.00",
    });
    // The seed's field order.
    expect(Object.keys(codes[0]).slice(0, 8)).toEqual([
      "id",
      "code",
      "code_name",
      "usage_limit",
      "usage_count",
      "actual_usage_count",
      "eligible_referrals",
      "total_commission_earned",
    ]);
  });

  it("a client without codes gets an empty list", async () => {
    const client = await insertClient(testDb.db);
    expect(await listClientCodes(testDb.db, client.id)).toEqual([]);
  });

  it("sums beyond the int4 range exactly", async () => {
    const whale = await insertClient(testDb.db);
    const code = await insertCode(testDb.db, whale.id, "WHALE2025");
    for (let i = 0; i < 3; i++)
      await commission((await insertReferral(testDb.db, code)).id, whale.id, 2_000_000_000);
    const [row] = await listClientCodes(testDb.db, whale.id);
    expect(row.total_commission_earned).toBe("60000000.00");
  });
});
