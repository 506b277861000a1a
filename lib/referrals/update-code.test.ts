import { describe, expect, it } from "vitest";
import { insertClient, insertCode, insertReferral, refusal } from "@/testing/fixtures";
import { useTestDatabase } from "@/testing/use-test-database";
import { updateReferralCode } from "./update-code";

const testDb = useTestDatabase();
const now = new Date("2025-08-04T12:00:00Z");

let sequence = 0;
/** A client with one code (`usageLimit` 10) used `uses` times. */
async function codeUsed(uses: number) {
  const client = await insertClient(testDb.db);
  const code = await insertCode(testDb.db, client.id, `UPD${String(++sequence).padStart(5, "2")}`, {
    usageLimit: 10,
  });
  for (let i = 0; i < uses; i++) await insertReferral(testDb.db, code);
  return { client, code };
}

describe("updateReferralCode", () => {
  it("changes only the fields given and stamps updated_at", async () => {
    const { client, code } = await codeUsed(0);
    const updated = await updateReferralCode(
      testDb.db,
      client.id,
      code.id,
      { isActive: false, codeName: " Summer ", expiresAt: new Date("2026-01-01T00:00:00Z") },
      now,
    );
    expect(updated).toMatchObject({
      id: code.id,
      code: code.code,
      isActive: false,
      codeName: "Summer",
      usageLimit: 10,
      expiresAt: new Date("2026-01-01T00:00:00Z"),
      updatedAt: now,
    });
    const cleared = await updateReferralCode(
      testDb.db,
      client.id,
      code.id,
      { usageLimit: null, expiresAt: null, codeName: "" },
      now,
    );
    expect(cleared).toMatchObject({ usageLimit: null, expiresAt: null, codeName: null, isActive: false });
  });

  it("another client's code, or no such code, is 404", async () => {
    const { code } = await codeUsed(0);
    const stranger = await insertClient(testDb.db);
    expect(
      await refusal(updateReferralCode(testDb.db, stranger.id, code.id, { isActive: false }, now)),
    ).toMatchObject({
      status: 404,
      message: "Referral code not found",
    });
    expect(
      (await refusal(updateReferralCode(testDb.db, stranger.id, 999_999, { isActive: false }, now))).status,
    ).toBe(404);
  });

  it("a limit below the uses so far is refused; equal to them is allowed", async () => {
    const { client, code } = await codeUsed(3);
    expect(
      await refusal(updateReferralCode(testDb.db, client.id, code.id, { usageLimit: 2 }, now)),
    ).toMatchObject({
      status: 400,
      field: "usage_limit",
      message: "Usage limit can't be lower than the uses so far (3)",
    });
    const updated = await updateReferralCode(testDb.db, client.id, code.id, { usageLimit: 3 }, now);
    expect(updated).toMatchObject({ usageLimit: 3, usageCount: 3 });
  });

  it("refuses an expiry in the past and a limit below 1", async () => {
    const { client, code } = await codeUsed(0);
    expect(
      (
        await refusal(
          updateReferralCode(testDb.db, client.id, code.id, { expiresAt: new Date("2025-01-01") }, now),
        )
      ).field,
    ).toBe("expires_at");
    expect(
      (await refusal(updateReferralCode(testDb.db, client.id, code.id, { usageLimit: 0 }, now))).field,
    ).toBe("usage_limit");
  });

  it("an empty patch changes nothing", async () => {
    const { client, code } = await codeUsed(0);
    expect(await updateReferralCode(testDb.db, client.id, code.id, {}, now)).toEqual(code);
  });
});
