import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { referralUsageLog } from "@/db/schema";
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
});
