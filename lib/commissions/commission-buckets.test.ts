import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { commissions } from "@/db/schema";
import { commissionFixtures } from "@/testing/commissions";
import { rawRows, useTestDatabase } from "@/testing/use-test-database";
import { inCommissionBucket, sumCommissionBuckets } from "./commission-buckets";

const testDb = useTestDatabase();
const f = commissionFixtures(() => testDb.db);

// The spec's worked example: 3995¢ at 10% = 399¢; with 75 referrals, ×1.25 → 499¢.
const EXAMPLE = 499;
const BASE = 399;
const holdUntil = new Date("2026-02-04T10:00:00Z");

describe("commission buckets", () => {
  it("sum the worked example's commissions in every money state, net of reversals", async () => {
    const agency = await f.makeUser({ partnerBps: 300 });
    const { user: maya, code } = await f.makeReferrer({ partnerId: agency.id });
    const { referralId } = await f.referClient(code.code);
    const row = (values: Partial<typeof commissions.$inferInsert>) => ({
      beneficiaryUserId: maya.id,
      referralId,
      holdUntil,
      amountCents: EXAMPLE,
      ...values,
    });
    await testDb.db.insert(commissions).values([
      row({ status: "pending" }),
      row({ status: "approved" }),
      row({ status: "rejected" }),
      // The agency's 3% override on 3995¢ is its money, not Maya's.
      row({ beneficiaryUserId: agency.id, level: "partner", amountCents: 119 }),
    ]);
    const [paid] = await testDb.db
      .insert(commissions)
      .values(row({ status: "paid" }))
      .returning();
    const [refunded] = await testDb.db
      .insert(commissions)
      .values(row({ amountCents: BASE, status: "reversed" }))
      .returning();
    await testDb.db.insert(commissions).values([
      // Refunded in full inside the hold: the earning and its reversal are both `reversed`, netting to 0.
      row({ kind: "reversal", reversesCommissionId: refunded.id, amountCents: -BASE, status: "reversed" }),
      // 100¢ refunded after payout: carried forward, approved, against the next payout.
      row({ kind: "reversal", reversesCommissionId: paid.id, amountCents: -100, status: "approved" }),
    ]);

    const buckets = await sumCommissionBuckets(testDb.db, sql`c.beneficiary_user_id = ${maya.id}`);
    expect(buckets).toEqual({
      earnedCents: 3 * EXAMPLE - 100,
      onHoldCents: EXAMPLE,
      approvedCents: EXAMPLE - 100,
      paidCents: EXAMPLE,
      unpaidCents: 2 * EXAMPLE - 100,
    });
    expect(buckets.earnedCents).toBe(buckets.onHoldCents + buckets.approvedCents + buckets.paidCents);

    // The same condition inside Drizzle's builder, over the table itself.
    const onHold = await testDb.db
      .select({ id: commissions.id })
      .from(commissions)
      .where(and(eq(commissions.beneficiaryUserId, maya.id), inCommissionBucket("onHold", commissions)));
    expect(onHold).toHaveLength(1);

    // The referral_performance view spells these sums in SQL for operators: it must agree, to the cent.
    const [view] = rawRows<Record<string, unknown>>(
      await testDb.db.execute(
        sql`SELECT total_commission_cents, commission_paid_cents, commission_pending_cents
              FROM referral_performance WHERE referral_code_id = ${code.id}`,
      ),
    );
    expect({
      earnedCents: Number(view.total_commission_cents),
      paidCents: Number(view.commission_paid_cents),
      unpaidCents: Number(view.commission_pending_cents),
    }).toEqual({
      earnedCents: buckets.earnedCents,
      paidCents: buckets.paidCents,
      unpaidCents: buckets.unpaidCents,
    });
  });

  it("are zero for a referrer without commissions", async () => {
    const { user } = await f.makeReferrer();
    expect(await sumCommissionBuckets(testDb.db, sql`c.beneficiary_user_id = ${user.id}`)).toEqual({
      earnedCents: 0,
      onHoldCents: 0,
      approvedCents: 0,
      paidCents: 0,
      unpaidCents: 0,
    });
  });
});
