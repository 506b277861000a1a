import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { checkCredentials } from "@/lib/auth/credentials";
import { checkCode } from "@/lib/referrals/validate-code";
import { accountNumberPrefix } from "@/lib/clients/account-number";
import { referralCodes, users } from "@/db/schema";
import { hasUsers, seedDemo } from "./seed";
import { rawRows, useTestDatabase } from "@/testing/use-test-database";

const testDb = useTestDatabase();

describe("demo seed", () => {
  beforeAll(async () => {
    expect(await hasUsers(testDb.db)).toBe(false);
    await seedDemo(testDb.db, { password: "seed-test-pw", referrals: 120 });
  });

  it("creates the admin and Maya with her code, signing in with the demo password", async () => {
    const admin = await checkCredentials("admin@example.com", "seed-test-pw");
    expect(admin).toMatchObject({ ok: true, user: { role: "admin" } });
    const maya = await checkCredentials("maya@example.com", "seed-test-pw");
    expect(maya).toMatchObject({ ok: true, user: { role: "client", name: "Maya" } });
    const check = await checkCode(testDb.db, "MAYA2025");
    expect(check.valid).toBe(true);
  });

  it("numbers the demo clients from the year's sequence, so the next signups never meet a taken number", async () => {
    const year = new Date().getUTCFullYear();
    const [{ last_value }] = rawRows<{ last_value: number }>(
      await testDb.db.execute(sql`SELECT last_value FROM account_number_sequences WHERE year = ${year}`),
    );
    const prefix = accountNumberPrefix({ clientType: "muse_owned", regionId: 1, salesChannelId: 30, year });
    // The demo numbers once sat at 9001…, where the sequence arrives after 9,000 signups of the year: no
    // number with this year's prefix may lie beyond what the sequence has handed out.
    const taken = rawRows<{ n: number }>(
      await testDb.db.execute(sql`
        SELECT count(*)::int AS n FROM users
         WHERE left(account_number, ${prefix.length}) = ${prefix}
           AND substr(account_number, ${prefix.length + 1}) ~ '^[0-9]+$'
           AND substr(account_number, ${prefix.length + 1})::bigint > ${last_value}`),
    );
    expect(taken[0].n).toBe(0);
    const demo = rawRows<{ account_number: string }>(
      await testDb.db.execute(sql`SELECT account_number FROM users WHERE email = 'maya@example.com'`),
    );
    expect(demo[0].account_number.startsWith(prefix)).toBe(true);
  });

  it("has codes in every state", async () => {
    expect((await checkCode(testDb.db, "MAYA-SPRING")).valid).toBe(true);
    expect(await checkCode(testDb.db, "MAYA2024")).toMatchObject({ error: "Referral code has expired" });
    expect(await checkCode(testDb.db, "MAYA-PAUSED")).toMatchObject({
      error: "Referral code not found or inactive",
    });
    expect(await checkCode(testDb.db, "MAYAFULL")).toMatchObject({
      error: "Referral code has reached its usage limit",
    });
  });

  it("generated the referrals with clicks, some flagged, and usage counts equal to the log", async () => {
    const [row] = rawRows<{ referrals: number; flagged: number; clicks: number; mismatched: number }>(
      await testDb.db.execute(sql`
        SELECT (SELECT count(*) FROM referral_usage_log)::int AS referrals,
               (SELECT count(*) FROM referral_usage_log WHERE is_flagged AND review_status = 'pending')::int AS flagged,
               (SELECT count(*) FROM referral_clicks)::int AS clicks,
               (SELECT count(*) FROM referral_codes rc
                 WHERE rc.usage_count <> (SELECT count(*) FROM referral_usage_log l WHERE l.referral_code_id = rc.id))::int AS mismatched`),
    );
    expect(row.referrals).toBe(122); // 120 generated + the two signups that used up MAYAFULL
    expect(row.flagged).toBeGreaterThan(0);
    expect(row.clicks).toBe(120 * 3); // one converting and two other clicks per generated signup
    expect(row.mismatched).toBe(0);
  });

  it("makes Agency XYZ Maya's white-label partner", async () => {
    const [agency] = await testDb.db.select().from(users).where(eq(users.email, "agency@example.com"));
    const [maya] = await testDb.db.select().from(users).where(eq(users.email, "maya@example.com"));
    expect(agency.partnerOverrideBps).toBe(300);
    expect(maya.partnerId).toBe(agency.id);
    const codes = await testDb.db.select().from(referralCodes).where(eq(referralCodes.clientId, maya.id));
    expect(codes.length).toBe(5);
  });
});
