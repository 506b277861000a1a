import { describe, expect, it } from "vitest";
import { referralCodes } from "@/db/schema";
import { insertClient, insertCode, insertReferral } from "@/testing/fixtures";
import { useTestDatabase } from "@/testing/use-test-database";
import { maskEmail } from "@/lib/privacy/mask";
import { checkCode } from "./validate-code";

const testDb = useTestDatabase();
const now = new Date("2025-08-04T12:00:00Z");

/** `code` held by `overrides.clientId`, or by a new client. */
async function createCode(code: string, overrides: Partial<typeof referralCodes.$inferInsert> = {}) {
  const clientId = overrides.clientId ?? (await insertClient(testDb.db)).id;
  return insertCode(testDb.db, clientId, code, { ...overrides, clientId });
}

describe("checkCode", () => {
  it.each(["", "ABC12", "MAYA_2025", "ABCDEFGHJKMNP", "-MAYA2025", "X".repeat(5000)])(
    "%j → Invalid code format",
    async (raw) => {
      expect(await checkCode(testDb.db, raw, now)).toEqual({
        valid: false,
        reason: "invalid_format",
        error: "Invalid code format",
      });
    },
  );

  it("an unknown code is not found", async () => {
    const result = await checkCode(testDb.db, "NOSUCHCODE", now);
    expect(result).toMatchObject({ valid: false, error: "Referral code not found or inactive" });
  });

  it("a deactivated code is not found or inactive", async () => {
    await createCode("PAUSED25", { isActive: false });
    expect(await checkCode(testDb.db, "PAUSED25", now)).toMatchObject({
      valid: false,
      error: "Referral code not found or inactive",
    });
  });

  it.each(["suspended", "inactive"] as const)(
    "a code of a %s owner is not found or inactive",
    async (status) => {
      const owner = await insertClient(testDb.db, { status });
      const code = `OWNER${status.slice(0, 3).toUpperCase()}`;
      await createCode(code, { clientId: owner.id });
      expect(await checkCode(testDb.db, code, now)).toMatchObject({
        valid: false,
        error: "Referral code not found or inactive",
      });
    },
  );

  it("an admin's code is not a client's referral code", async () => {
    const admin = await insertClient(testDb.db, { role: "admin" });
    await createCode("STAFFCODE", { clientId: admin.id });
    expect(await checkCode(testDb.db, "STAFFCODE", now)).toMatchObject({ valid: false, reason: "not_found" });
  });

  it("an expired code has expired; one expiring later is fine", async () => {
    await createCode("OLDPROMO", { expiresAt: new Date("2025-08-04T11:59:59Z") });
    await createCode("NEWPROMO", { expiresAt: new Date("2025-08-04T12:00:01Z") });
    expect(await checkCode(testDb.db, "OLDPROMO", now)).toMatchObject({
      valid: false,
      error: "Referral code has expired",
    });
    expect(await checkCode(testDb.db, "NEWPROMO", now)).toMatchObject({ valid: true });
  });

  it("a code used up to its limit has reached its usage limit", async () => {
    const code = await createCode("ONCEONLY", { usageLimit: 1 });
    expect(await checkCode(testDb.db, "ONCEONLY", now)).toMatchObject({ valid: true });
    await insertReferral(testDb.db, code);
    expect(await checkCode(testDb.db, "ONCEONLY", now)).toEqual({
      valid: false,
      reason: "exhausted",
      error: "Referral code has reached its usage limit",
    });
  });

  it("checks in order: an inactive, expired, used-up code is reported as inactive", async () => {
    await createCode("ALLBAD25", { isActive: false, expiresAt: new Date("2020-01-01T00:00:00Z") });
    expect(await checkCode(testDb.db, "ALLBAD25", now)).toMatchObject({ reason: "not_found" });
  });

  it("a valid code returns the row and the referrer, found by canonical form", async () => {
    const maya = await insertClient(testDb.db, {
      name: "Maya",
      email: "maya@example.com",
      normalizedEmail: "maya@example.com",
    });
    await createCode("MAYA2025", { clientId: maya.id, codeName: "Maya VIP Code", usageLimit: 10 });
    for (const typed of ["MAYA2025", "maya2o25", "Maya-2025", " maya 2025 "]) {
      const result = await checkCode(testDb.db, typed, now);
      expect(result.valid).toBe(true);
      if (!result.valid) continue;
      expect(result.code).toMatchObject({
        code: "MAYA2025",
        codeName: "Maya VIP Code",
        usageLimit: 10,
        usageCount: 0,
      });
      expect(result.referrer).toEqual({ id: maya.id, name: "Maya", email: "maya@example.com" });
      // What the public endpoint shows instead of the address.
      expect(maskEmail(result.referrer.email)).toBe("m***@example.com");
    }
  });
});
