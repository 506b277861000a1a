import { describe, expect, it } from "vitest";
import { referralCodes, users } from "@/db/schema";
import { useTestDatabase } from "@/testing/use-test-database";
import { canonicalCode, validateCodeFormat } from "./code-format";
import { freeCodes, suggestCodes } from "./suggest-codes";

const testDb = useTestDatabase();
const now = new Date("2025-08-04T12:00:00Z");
const RANDOM = /^REF[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}$/;

let owner: number | undefined;
async function takeCode(code: string) {
  if (!owner) {
    const [user] = await testDb.db
      .insert(users)
      .values({
        email: "holder@example.com",
        normalizedEmail: "holder@example.com",
        name: "Holder",
        passwordHash: "x",
      })
      .returning();
    owner = user.id;
  }
  await testDb.db.insert(referralCodes).values({ clientId: owner, code, canonicalCode: canonicalCode(code) });
}

async function expectAllFree(codes: string[]) {
  expect(await freeCodes(testDb.db, codes)).toEqual(new Set(codes));
}

describe("suggestCodes", () => {
  it("Amanda on an empty database: name, e-mail, brand, then random — 5 distinct, all free", async () => {
    const suggestions = await suggestCodes(testDb.db, {
      name: "Amanda Chen",
      email: "amanda@example.com",
      now,
    });
    expect(suggestions).toHaveLength(5);
    expect(suggestions.slice(0, 4)).toEqual(["AMANDA2025", "AMANDA25", "AMANDAVIP", "MUSE2025"]);
    expect(suggestions[4]).toMatch(RANDOM);
    expect(new Set(suggestions.map(canonicalCode)).size).toBe(5);
    for (const code of suggestions) expect(validateCodeFormat(code).valid).toBe(true);
    await expectAllFree(suggestions);
  });

  it("skips taken codes, also when taken in another spelling, and fills with random codes", async () => {
    await takeCode("MAYA2025");
    await takeCode("MAYA-VIP");
    await takeCode("MUSE-2o25");
    const suggestions = await suggestCodes(testDb.db, { name: "Maya", email: "maya@example.com", now });
    expect(suggestions).toHaveLength(5);
    expect(suggestions).not.toContain("MAYA2025");
    expect(suggestions).not.toContain("MAYAVIP");
    expect(suggestions).not.toContain("MUSE2025");
    // The e-mail gives nothing new (MAYA25, MAYA2025 again); the numbered brand code stands in for MUSE2025.
    expect(suggestions[0]).toBe("MAYA25");
    expect(suggestions[1]).toMatch(/^MUSE25[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/);
    for (const code of suggestions.slice(2)) expect(code).toMatch(RANDOM);
    expect(new Set(suggestions.map(canonicalCode)).size).toBe(5);
    await expectAllFree(suggestions);
  });

  it("keeps one slot for a random code even when the name and e-mail offer more", async () => {
    const suggestions = await suggestCodes(testDb.db, {
      name: "Sarah Johnson",
      email: "sjohnson@example.com",
      now,
    });
    // MUSE2025 was taken above, so the brand slot is the numbered brand code.
    expect(suggestions.slice(0, 3)).toEqual(["SARAH2025", "SARAH25", "SJOHNSON25"]);
    expect(suggestions[3]).toMatch(/^MUSE25[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/);
    expect(suggestions[4]).toMatch(RANDOM);
  });

  it("a name with no usable letters still gets five codes", async () => {
    const suggestions = await suggestCodes(testDb.db, { name: "李小龙", email: "7@example.com", now });
    expect(suggestions).toHaveLength(5);
    expect(new Set(suggestions).size).toBe(5);
    await expectAllFree(suggestions);
  });
});
