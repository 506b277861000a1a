import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { payouts } from "@/db/schema";
import { commissionFixtures } from "@/testing/commissions";
import { useTestDatabase } from "@/testing/use-test-database";
import { DomainError } from "@/lib/errors";
import { approveDueCommissions } from "./approve-due";
import { createPayoutForReferrals } from "./payout-for-referrals";

const testDb = useTestDatabase();
const f = commissionFixtures(() => testDb.db);
const paidAt = new Date("2026-03-01T12:00:00Z");
const later = new Date("2026-04-05T12:00:00Z");

describe("createPayoutForReferrals", () => {
  it("pays the referrers of the chosen referrals their approved balances, and no one else", async () => {
    const admin = await f.makeUser({ role: "admin" });
    const chosen = await f.makeReferrer();
    const other = await f.makeReferrer();
    const chosenClient = await f.referClient(chosen.code.code);
    const otherClient = await f.referClient(other.code.code);
    await f.pay(chosenClient.userId, 60_000, { occurredAt: paidAt }, paidAt);
    await f.pay(otherClient.userId, 60_000, { occurredAt: paidAt }, paidAt);
    await approveDueCommissions(testDb.db, later);

    const { batch, lines } = await createPayoutForReferrals(
      testDb.db,
      [chosenClient.referralId],
      { actorUserId: admin.id },
      later,
    );
    expect(lines).toBe(1);
    const rows = await testDb.db.select().from(payouts).where(eq(payouts.batchId, batch.id));
    expect(rows.map((r) => [r.beneficiaryUserId, r.amountCents])).toEqual([[chosen.user.id, 6000]]);
    expect((await f.ledgerOf(other.user.id))[0]).toMatchObject({ status: "approved", payoutId: null });

    // Already in a payout now: choosing the same referral again has nothing left to pay.
    const again = await createPayoutForReferrals(
      testDb.db,
      [chosenClient.referralId],
      { actorUserId: admin.id },
      later,
    ).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(DomainError);
    expect((again as DomainError).message).toBe(
      "None of the selected referrals has an approved commission that isn't in a payout yet.",
    );
  });
});
