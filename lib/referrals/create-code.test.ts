import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { referralCampaigns, referralCodes } from "@/db/schema";
import { insertClient, insertCode, insertUser, refusal } from "@/testing/fixtures";
import { useTestDatabase } from "@/testing/use-test-database";
import { DomainError } from "@/lib/errors";
import { createDefaultCode, createReferralCode } from "./create-code";

const testDb = useTestDatabase();
const now = new Date("2025-08-04T12:00:00Z");

describe("createReferralCode", () => {
  it("creates a custom code in display form with its settings", async () => {
    const client = await insertClient(testDb.db);
    const code = await createReferralCode(
      testDb.db,
      client.id,
      {
        customCode: " xyz maya ",
        codeName: "  Maya VIP Code ",
        usageLimit: 10,
        expiresAt: new Date("2025-12-31T23:59:59Z"),
      },
      now,
    );
    expect(code).toMatchObject({
      clientId: client.id,
      code: "XYZ-MAYA",
      canonicalCode: "XYZMAYA",
      codeName: "Maya VIP Code",
      usageLimit: 10,
      usageCount: 0,
      isActive: true,
      expiresAt: new Date("2025-12-31T23:59:59Z"),
      campaignId: null,
    });
  });

  it("generates a random code when none is asked for", async () => {
    const client = await insertClient(testDb.db);
    const code = await createReferralCode(testDb.db, client.id, {}, now);
    expect(code.code).toMatch(/^REF[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}$/);
    expect(code).toMatchObject({ usageLimit: null, expiresAt: null, codeName: null });
  });

  it("refuses a code equal to an existing one in canonical form (MAYA-2o25 vs MAYA2025)", async () => {
    const maya = await insertClient(testDb.db);
    const other = await insertClient(testDb.db);
    await insertCode(testDb.db, maya.id, "MAYA2025");
    for (const typed of ["MAYA-2o25", "maya2025", "MAYA 2O25"]) {
      const error = await refusal(createReferralCode(testDb.db, other.id, { customCode: typed }, now));
      expect(error.status).toBe(400);
      expect(error.code).toBe("code_taken");
      expect(error.field).toBe("custom_code");
      const shown = typed.trim().toUpperCase().replace(/\s+/g, "-");
      expect(error.message).toBe(
        shown === "MAYA2025"
          ? 'Code "MAYA2025" is already taken'
          : `Code "${shown}" reads the same as MAYA2025, which already exists`,
      );
    }
    const exact = await refusal(createReferralCode(testDb.db, other.id, { customCode: "MAYA2025" }, now));
    expect(exact.message).toBe('Code "MAYA2025" is already taken');
    const owned = await testDb.db.select().from(referralCodes).where(eq(referralCodes.clientId, other.id));
    expect(owned).toEqual([]);
  });

  it("refuses a badly formed custom code with the format problems as details", async () => {
    const client = await insertClient(testDb.db);
    const error = await refusal(createReferralCode(testDb.db, client.id, { customCode: "A_B" }, now));
    expect(error).toMatchObject({
      status: 400,
      message: "Invalid code format",
      field: "custom_code",
      details: ["Use only letters, digits and '-' separators", "Use 6 to 12 letters or digits"],
    });
  });

  it("answers 404 for an unknown client or an admin, 400 for a client who is not active", async () => {
    expect(await refusal(createReferralCode(testDb.db, 999_999, {}, now))).toMatchObject({
      status: 404,
      message: "Client not found",
    });
    const admin = await insertClient(testDb.db, { role: "admin" });
    expect((await refusal(createReferralCode(testDb.db, admin.id, {}, now))).status).toBe(404);
    const suspended = await insertClient(testDb.db, { status: "suspended" });
    expect(
      await refusal(createReferralCode(testDb.db, suspended.id, { customCode: "SUSPEND1" }, now)),
    ).toMatchObject({
      status: 400,
      code: "client_inactive",
    });
  });

  it.each([
    [{ usageLimit: 0 }, "usage_limit"],
    [{ usageLimit: 2.5 }, "usage_limit"],
    [{ expiresAt: new Date("2025-08-04T12:00:00Z") }, "expires_at"],
    [{ expiresAt: new Date("nope") }, "expires_at"],
    [{ codeName: "x".repeat(101) }, "code_name"],
    [{ campaignId: 999_999 }, "campaign_id"],
  ])("refuses %j (field %s)", async (input, field) => {
    const client = await insertClient(testDb.db);
    const error = await refusal(createReferralCode(testDb.db, client.id, input, now));
    expect(error.status).toBe(400);
    expect(error.field).toBe(field);
  });

  it("links a running campaign, refuses an ended one", async () => {
    const client = await insertClient(testDb.db);
    const [running] = await testDb.db
      .insert(referralCampaigns)
      .values({ campaignName: "Holiday 2025", commissionValue: 2000 })
      .returning();
    const [ended] = await testDb.db
      .insert(referralCampaigns)
      .values({ campaignName: "Spring", commissionValue: 2000, endsAt: new Date("2025-06-01T00:00:00Z") })
      .returning();
    const code = await createReferralCode(testDb.db, client.id, { campaignId: running.id }, now);
    expect(code.campaignId).toBe(running.id);
    expect(
      (await refusal(createReferralCode(testDb.db, client.id, { campaignId: ended.id }, now))).code,
    ).toBe("campaign_unavailable");
  });

  it("20 concurrent requests for one custom code: exactly one wins, the others are told it is taken", async () => {
    const clients = await Promise.all(Array.from({ length: 20 }, () => insertClient(testDb.db)));
    const results = await Promise.allSettled(
      clients.map((client, i) =>
        createReferralCode(testDb.db, client.id, { customCode: i % 2 ? "RACE-2o25" : "race2025" }, now),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const { reason } of lost) {
      expect(reason).toBeInstanceOf(DomainError);
      expect((reason as DomainError).code).toBe("code_taken");
    }
    const rows = await testDb.db
      .select()
      .from(referralCodes)
      .where(eq(referralCodes.canonicalCode, "RACE2025"));
    expect(rows).toHaveLength(1);
  });
});

describe("createDefaultCode", () => {
  it("takes the first free name-based code, inside the caller's transaction", async () => {
    const code = await testDb.db.transaction(async (tx) => {
      const user = await insertUser(tx, { email: "rosa@example.com", name: "Rosa Diaz" });
      return createDefaultCode(tx, { userId: user.id, name: user.name, email: user.email }, now);
    });
    expect(code.code).toBe("ROSA2025");
  });

  it("skips taken name-based codes (also in canonical form), then uses the e-mail, then random", async () => {
    const holder = await insertClient(testDb.db);
    await insertCode(testDb.db, holder.id, "TEO2025");
    await insertCode(testDb.db, holder.id, "TE0VIP");
    const teo = await insertClient(testDb.db, { name: "Teo" });
    // TEO25 is too short; TEOVIP collides with TE0VIP.
    expect(
      (await createDefaultCode(testDb.db, { userId: teo.id, name: "Teo", email: "teodora@example.com" }, now))
        .code,
    ).toBe("TEODORA25");

    const nameless = await insertClient(testDb.db);
    const random = await createDefaultCode(
      testDb.db,
      { userId: nameless.id, name: "李", email: "42@example.com" },
      now,
    );
    expect(random.code).toMatch(/^REF[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}$/);
  });

  it("a failure in the caller's transaction leaves no code behind", async () => {
    const before = await testDb.db.$count(referralCodes);
    await expect(
      testDb.db.transaction(async (tx) => {
        const user = await insertUser(tx, { email: "gone@example.com", name: "Gone" });
        await createDefaultCode(tx, { userId: user.id, name: "Gonzalo", email: user.email }, now);
        throw new Error("signup failed later");
      }),
    ).rejects.toThrow("signup failed later");
    expect(await testDb.db.$count(referralCodes)).toBe(before);
  });
});
