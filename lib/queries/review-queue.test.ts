import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { referralUsageLog, users } from "@/db/schema";
import { attributeSignup } from "@/lib/referrals/attribute-signup";
import { hashIp } from "@/lib/request-fingerprint";
import { commissionFixtures } from "@/testing/commissions";
import { useTestDatabase } from "@/testing/use-test-database";
import { getReviewQueue } from "./review-queue";

const testDb = useTestDatabase();
const f = commissionFixtures(() => testDb.db);

describe("getReviewQueue", () => {
  it("hands out masked evidence only: e-mails masked, the device cut to its tail", async () => {
    const { user: referrer, code } = await f.makeReferrer();
    const client = await f.referClient(code.code, { flagged: true });
    await testDb.db
      .update(referralUsageLog)
      .set({ deviceId: "3f2a9c1e-5b7d-4e8a-9c0f-1a2b3c4d5e6f" })
      .where(eq(referralUsageLog.id, client.referralId));

    const item = (await getReviewQueue(testDb.db)).find((r) => r.id === client.referralId)!;
    expect(item.referredEmailMasked).toMatch(/^r\*\*\*@mailinator\.com$/);
    expect(item.referrerEmailMasked).toBe(`u***@${referrer.email.split("@")[1]}`);
    expect(item.deviceTail).toBe("…3c4d5e6f");
    const raw = JSON.stringify(item);
    expect(raw).not.toContain(referrer.email);
    expect(raw).not.toContain("3f2a9c1e");
  });

  it("says when no device was recorded", async () => {
    const { code } = await f.makeReferrer();
    const client = await f.referClient(code.code, { flagged: true });
    const item = (await getReviewQueue(testDb.db)).find((r) => r.id === client.referralId)!;
    expect(item.deviceTail).toBeNull();
  });

  it("shows the referrer's address when it is the new client's (same IP), and filters by reason", async () => {
    const { user: referrer, code } = await f.makeReferrer();
    await testDb.db
      .update(users)
      .set({ lastIpHash: hashIp("192.0.2.44") })
      .where(eq(users.id, referrer.id));
    const sameIp = await attributeSignup(testDb.db, {
      name: "Same Place",
      email: "same.place@example.org",
      password: "correct horse battery",
      businessType: "creator",
      referralCode: code.code,
      ip: "192.0.2.44",
    });
    const disposable = await f.referClient(code.code, { flagged: true });

    const queue = await getReviewQueue(testDb.db);
    const item = queue.find((r) => r.id === sameIp.referral!.id)!;
    expect(item.fraudFlags.map((x) => x.rule)).toEqual(["same_ip_as_referrer"]);
    expect(item.ipMatch).toBe("now");
    expect(item.signupIp).toBe("192.0.2.44");
    expect(item.signupsFromIp).toBe(1);
    const other = queue.find((r) => r.id === disposable.referralId)!;
    expect(other.ipMatch).toBeNull();
    expect(other.referrerHasIp).toBe(true);

    // The referrer signs in elsewhere later: the flag still says what matched at signup.
    await testDb.db
      .update(users)
      .set({ lastIpHash: hashIp("192.0.2.99") })
      .where(eq(users.id, referrer.id));
    const later = (await getReviewQueue(testDb.db)).find((r) => r.id === sameIp.referral!.id)!;
    expect(later.ipMatch).toBe("signup");

    const byIp = await getReviewQueue(testDb.db, { reason: "same_ip_as_referrer" });
    expect(byIp.map((r) => r.id)).toContain(sameIp.referral!.id);
    expect(byIp.map((r) => r.id)).not.toContain(disposable.referralId);
    const byDisposable = await getReviewQueue(testDb.db, { reason: "disposable_email" });
    expect(byDisposable.map((r) => r.id)).toContain(disposable.referralId);
    expect(byDisposable.map((r) => r.id)).not.toContain(sameIp.referral!.id);
  });
});
