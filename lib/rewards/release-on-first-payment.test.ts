import { describe, expect, it } from "vitest";
import { payments } from "@/db/schema";
import { useTestDatabase } from "@/testing/use-test-database";
import { releasePaidReferralPoints } from "./release-on-first-payment";
import {
  approveReferral,
  assertLedgerAfterEach,
  flaggedSignup,
  makeReferrer,
  payFor,
  pointsOf,
  restoreRulesAfterEach,
  setRule,
  signupWith,
} from "@/testing/rewards";

const testDb = useTestDatabase({ poolMax: 25 });
assertLedgerAfterEach(testDb);
restoreRulesAfterEach(testDb);

describe("qualifying activity: the referred client's first payment", () => {
  it("releases the referrer's held points; a second payment changes nothing", async () => {
    await setRule(testDb, "qualifying_activity", { isActive: true });
    const { user: referrer, code } = await makeReferrer(testDb);
    const result = await signupWith(testDb.db, code);
    expect(await pointsOf(testDb, referrer.id)).toEqual({ balance: 0, pending: 50 });
    expect(await payFor(testDb, result.user.id)).toEqual({ releasedPoints: 50 });
    expect(await pointsOf(testDb, referrer.id)).toEqual({ balance: 50, pending: 0 });
    expect(await payFor(testDb, result.user.id)).toEqual({ releasedPoints: 0 });
  });

  it("a flagged referral needs both: payment waits for approval, approval sees the payment", async () => {
    await setRule(testDb, "qualifying_activity", { isActive: true });
    const { user: referrer, code } = await makeReferrer(testDb);
    const flagged = await flaggedSignup(testDb.db, code);
    expect(await payFor(testDb, flagged.user.id)).toEqual({ releasedPoints: 0 });
    expect(await pointsOf(testDb, referrer.id)).toEqual({ balance: 0, pending: 50 });
    expect((await approveReferral(testDb, flagged.referral!.id)).releasedPoints).toBe(70);
    expect(await pointsOf(testDb, referrer.id)).toEqual({ balance: 50, pending: 0 });
  });

  it("approval before the payment releases the new client's share and keeps the referrer's waiting", async () => {
    await setRule(testDb, "qualifying_activity", { isActive: true });
    const { user: referrer, code } = await makeReferrer(testDb);
    const flagged = await flaggedSignup(testDb.db, code);
    expect(await approveReferral(testDb, flagged.referral!.id)).toMatchObject({
      releasedPoints: 20,
      stillPendingPoints: 50,
    });
    expect(await payFor(testDb, flagged.user.id)).toEqual({ releasedPoints: 50 });
    expect(await pointsOf(testDb, referrer.id)).toEqual({ balance: 50, pending: 0 });
  });

  it("the timer's sweep releases points of clients who paid without the call, once", async () => {
    await setRule(testDb, "qualifying_activity", { isActive: true });
    const { user: referrer, code } = await makeReferrer(testDb);
    const paid = await signupWith(testDb.db, code);
    await signupWith(testDb.db, code); // not paid yet: stays pending
    await testDb.db
      .insert(payments)
      .values({ userId: paid.user.id, externalId: `inv_sweep_${paid.user.id}`, amountCents: 1995 });
    expect(await releasePaidReferralPoints(testDb.db)).toEqual({ releasedPoints: 50 });
    expect(await pointsOf(testDb, referrer.id)).toEqual({ balance: 50, pending: 50 });
    expect(await releasePaidReferralPoints(testDb.db)).toEqual({ releasedPoints: 0 });
  });
});
