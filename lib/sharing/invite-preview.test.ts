import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { referralCodes, rewardRules, users } from "@/db/schema";
import { useTestDatabase } from "@/testing/use-test-database";
import { canonicalCode } from "@/lib/referrals/code-format";
import { loadInvitePreview } from "./invite-preview";

const testDb = useTestDatabase();
const now = new Date("2026-03-10T12:00:00Z");

async function referrerWithCode(
  name: string,
  code: string,
  extra: Partial<typeof referralCodes.$inferInsert> = {},
) {
  const email = `${code.toLowerCase()}@example.com`;
  const [user] = await testDb.db
    .insert(users)
    .values({ email, normalizedEmail: email, name, passwordHash: "x" })
    .returning();
  await testDb.db
    .insert(referralCodes)
    .values({ code, canonicalCode: canonicalCode(code), clientId: user.id, ...extra });
  return user;
}

describe("loadInvitePreview", () => {
  it("names the referrer by display name and states the configured offer", async () => {
    await referrerWithCode("Sarah Johnson", "SARAH10");
    const preview = await loadInvitePreview(testDb.db, "sarah10", now);
    expect(preview).toEqual({
      code: "SARAH10",
      referrerName: "Sarah J.",
      offer: "a 7-day free trial and 20 bonus points",
      title: "Sarah J. invited you to MuseNest",
      description: "Sign up with code SARAH10 and get a 7-day free trial and 20 bonus points.",
    });
    // The card never carries the referrer's e-mail or surname.
    expect(JSON.stringify(preview)).not.toMatch(/sarah10@|Johnson/);
  });

  it("follows the double-sided rule an admin edited", async () => {
    await referrerWithCode("Leo", "LEO2026");
    await testDb.db
      .update(rewardRules)
      .set({ config: { referrerPoints: 50, newClientPoints: 75 } })
      .where(eq(rewardRules.kind, "double_sided"));
    const preview = await loadInvitePreview(testDb.db, "LEO2026", now);
    expect(preview.description).toBe(
      "Sign up with code LEO2026 and get a 7-day free trial and 75 bonus points.",
    );
  });

  it.each([
    ["an expired code", "OLD2025", { expiresAt: new Date("2026-01-01T00:00:00Z") }],
    ["a deactivated code", "OFF2025", { isActive: false }],
  ] as const)("%s gets the generic card with no name", async (_label, code, extra) => {
    await referrerWithCode("Ida Quinn", code, extra);
    const preview = await loadInvitePreview(testDb.db, code, now);
    expect(preview).toMatchObject({ code: null, referrerName: null, title: "Join MuseNest" });
    // (The bonus is whatever the double-sided rule says now; another test in this file edits it.)
    expect(preview.description).toMatch(/^Sign up and get a 7-day free trial and \d+ bonus points\.$/);
    expect(JSON.stringify(preview)).not.toContain("Ida");
  });

  it.each([null, "", "NOSUCH99", "<script>"])("%j gets the generic card", async (raw) => {
    expect(await loadInvitePreview(testDb.db, raw, now)).toMatchObject({
      code: null,
      title: "Join MuseNest",
    });
  });
});
