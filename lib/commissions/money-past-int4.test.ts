// One referral's commission summed past 2^31 cents ($21.4M): with `integer` money columns the second
// payment failed inside PostgreSQL (out of range) and the payout could not be written. Every money
// column and sum is bigint now, and comes back as a JS number on either driver.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { payments, payouts, referralUsageLog } from "@/db/schema";
import { commissionFixtures } from "@/testing/commissions";
import { rawRows, useTestDatabase } from "@/testing/use-test-database";
import { getCommissionTotals } from "@/lib/queries/commission-summary";
import { approveDueCommissions } from "./approve-due";
import { createPayoutBatch, markPayoutBatchPaid } from "./payouts";

const testDb = useTestDatabase();
const f = commissionFixtures(() => testDb.db);
const t0 = new Date("2026-01-05T10:00:00Z");
const at = (days: number) => new Date(t0.getTime() + days * 86_400_000);
const INT4_MAX = 2_147_483_647;

describe("money past 2^31 cents", () => {
  it("two large payments: the referral's summed commission, the payout and every summary agree", async () => {
    const admin = await f.makeUser({ role: "admin" });
    const { user: referrer, code } = await f.makeReferrer();
    const client = await f.referClient(code.code);
    // $120M each (past int4 on its own); 10% of each fits int4, their sum does not.
    const amount = 12_000_000_000;
    await f.pay(client.userId, amount, { externalId: "big_1", occurredAt: t0 }, t0);
    await f.pay(client.userId, amount, { externalId: "big_2", occurredAt: t0 }, t0);

    const ledger = await f.ledgerOf(referrer.id);
    const direct = ledger.reduce((s, r) => s + r.amountCents, 0);
    expect(direct).toBe(2_400_000_000);
    expect(direct).toBeGreaterThan(INT4_MAX);

    const [paid] = await testDb.db.select().from(payments).where(eq(payments.externalId, "big_1"));
    expect(paid.amountCents).toBe(amount);
    const referral = await f.referralRow(client.referralId);
    expect(referral.commissionAmountCents).toBe(direct);

    const totals = await getCommissionTotals(testDb.db, referrer.id);
    expect(totals.earnedCents).toBe(direct);
    expect(totals.pendingCents).toBe(direct);
    expect(totals.byLevel.direct).toBe(direct);

    const [view] = rawRows<{ total: unknown }>(
      await testDb.db.execute(
        sql`SELECT total_commission_cents AS total FROM referral_performance WHERE referral_code_id = ${code.id}`,
      ),
    );
    // A number, not a string: both drivers parse int8 and numeric.
    expect(view.total).toBe(direct);

    await approveDueCommissions(testDb.db, at(31));
    const batch = await createPayoutBatch(
      testDb.db,
      { beneficiaryIds: [referrer.id] },
      { actorUserId: admin.id },
      at(31),
    );
    expect(batch.batch.totalCents).toBe(direct);
    const [payout] = await testDb.db.select().from(payouts).where(eq(payouts.batchId, batch.batch.id));
    expect(payout.amountCents).toBe(direct);
    await markPayoutBatchPaid(testDb.db, batch.batch.id, "WIRE-BIG", { actorUserId: admin.id }, at(32));

    const after = await getCommissionTotals(testDb.db, referrer.id);
    expect(after).toMatchObject({
      earnedCents: direct,
      paidCents: direct,
      pendingCents: 0,
      approvedCents: 0,
    });
    const [row] = await testDb.db
      .select({ cents: referralUsageLog.commissionAmountCents, paid: referralUsageLog.commissionPaid })
      .from(referralUsageLog)
      .where(eq(referralUsageLog.id, client.referralId));
    expect(row).toEqual({ cents: direct, paid: true });
  });

  it("int8 and sum() over bigint (numeric) come back as numbers on either driver", async () => {
    const [row] = rawRows<{ one: unknown; total: unknown; n: unknown }>(
      await testDb.db.execute(
        sql`SELECT 1::bigint AS one, sum(x) AS total, count(*) AS n FROM (VALUES (3000000000::bigint), (1::bigint)) v(x)`,
      ),
    );
    expect(row).toEqual({ one: 1, total: 3_000_000_001, n: 2 });
  });
});
