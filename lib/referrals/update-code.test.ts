import { describe, expect, it } from "vitest";
import { referralCodes, referralUsageLog, users } from "@/db/schema";
import { useTestDatabase } from "@/testing/use-test-database";
import { DomainError } from "@/lib/errors";
import { canonicalCode } from "./code-format";
import { updateReferralCode } from "./update-code";

const testDb = useTestDatabase();
const now = new Date("2025-08-04T12:00:00Z");

let sequence = 0;
async function createUser() {
  const email = `client${++sequence}@example.com`;
  const [user] = await testDb.db
    .insert(users)
    .values({ email, normalizedEmail: email, name: `Client ${sequence}`, passwordHash: "x" })
    .returning();
  return user;
}

/** A client with one code (`usageLimit` 10) used `uses` times. */
async function codeUsed(uses: number) {
  const client = await createUser();
  const text = `UPD${String(++sequence).padStart(5, "2")}`;
  const [code] = await testDb.db
    .insert(referralCodes)
    .values({ clientId: client.id, code: text, canonicalCode: canonicalCode(text), usageLimit: 10 })
    .returning();
  for (let i = 0; i < uses; i++) {
    const referred = await createUser();
    await testDb.db.insert(referralUsageLog).values({
      referralCodeId: code.id,
      referrerUserId: client.id,
      referredUserId: referred.id,
      codeUsed: text,
    });
  }
  return { client, code };
}

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`Expected a DomainError, got ${String(error)}`);
  return error;
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
    const stranger = await createUser();
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
