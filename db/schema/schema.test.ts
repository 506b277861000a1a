// The schema's promises, checked on a real database (PostgreSQL with TEST_DATABASE_URL, else PGlite):
// what the migrations create, what the constraints refuse and what the usage-count trigger maintains.
import { count, eq, sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { describe, expect, it } from "vitest";
import {
  commissions,
  payments,
  referralClicks,
  referralCodes,
  referralUsageLog,
  subscriptionTiers,
  users,
} from "@/db/schema";
import { migrationsFolder, runMigrations } from "@/db/open";
import { insertReferral, insertUser } from "@/testing/fixtures";
import { PG, pgErrorFrom } from "@/testing/pg-error";
import { rawRows, useTestDatabase } from "@/testing/use-test-database";

const testDb = useTestDatabase();

let sequence = 0;
const next = () => ++sequence;

function createUser(overrides: Partial<typeof users.$inferInsert> = {}) {
  const n = next();
  const email = `person${n}@example.test`;
  return insertUser(testDb.db, {
    email,
    normalizedEmail: email,
    name: `Person ${n}`,
    passwordHash: "not-a-real-hash",
    ...overrides,
  });
}

async function createCode(clientId: number, overrides: Partial<typeof referralCodes.$inferInsert> = {}) {
  const canonical = `CODE${String(next()).padStart(4, "0")}`;
  const [code] = await testDb.db
    .insert(referralCodes)
    .values({ clientId, code: canonical, canonicalCode: canonical, ...overrides })
    .returning();
  return code;
}

/** A new referred user signs up with `code`: one referral_usage_log row. */
async function recordUse(
  code: typeof referralCodes.$inferSelect,
  overrides: Partial<typeof referralUsageLog.$inferInsert> = {},
) {
  return insertReferral(testDb.db, code, overrides, await createUser());
}

async function usageCountOf(codeId: number) {
  const [row] = await testDb.db
    .select({ usageCount: referralCodes.usageCount })
    .from(referralCodes)
    .where(eq(referralCodes.id, codeId));
  return row?.usageCount;
}

describe("migrations", () => {
  it("are all recorded and running them again changes nothing", async () => {
    const committed = readMigrationFiles({ migrationsFolder }).map((m) => m.hash);
    const appliedBefore = rawRows<{ hash: string }>(
      await testDb.db.execute(sql`SELECT hash FROM drizzle.__drizzle_migrations ORDER BY id`),
    );
    expect(committed.length).toBeGreaterThanOrEqual(2);
    expect(appliedBefore.map((row) => row.hash)).toEqual(committed);

    await runMigrations(testDb.handle);

    const appliedAfter = rawRows<{ hash: string }>(
      await testDb.db.execute(sql`SELECT hash FROM drizzle.__drizzle_migrations ORDER BY id`),
    );
    expect(appliedAfter).toEqual(appliedBefore);
    const [tiers] = await testDb.db.select({ n: count() }).from(subscriptionTiers);
    expect(tiers.n).toBe(3);
  });

  it("seed the subscription tiers", async () => {
    const tiers = await testDb.db
      .select({ name: subscriptionTiers.name, monthlyPriceCents: subscriptionTiers.monthlyPriceCents })
      .from(subscriptionTiers)
      .orderBy(subscriptionTiers.sortOrder);
    expect(tiers).toEqual([
      { name: "Basic", monthlyPriceCents: 1995 },
      { name: "Premium", monthlyPriceCents: 3995 },
      { name: "Pro", monthlyPriceCents: 7995 },
    ]);
  });
});

describe("deleting a user", () => {
  it("removes their referral codes and keeps the usage history without the code link", async () => {
    const referrer = await createUser();
    const code = await createCode(referrer.id);
    const use = await recordUse(code);

    await testDb.db.delete(users).where(eq(users.id, referrer.id));

    expect(
      await testDb.db.select().from(referralCodes).where(eq(referralCodes.clientId, referrer.id)),
    ).toEqual([]);
    const [kept] = await testDb.db.select().from(referralUsageLog).where(eq(referralUsageLog.id, use.id));
    expect(kept).toMatchObject({
      id: use.id,
      referralCodeId: null,
      referrerUserId: null,
      referredUserId: use.referredUserId,
      codeUsed: code.code,
    });
  });
});

describe("CHECK constraints", () => {
  it("refuse a usage limit of 0", async () => {
    const owner = await createUser();
    const error = await pgErrorFrom(() => createCode(owner.id, { usageLimit: 0 }));
    expect(error).toMatchObject({ code: PG.checkViolation, constraint: "referral_codes_limit_positive" });
  });

  it("refuse a negative usage count", async () => {
    const owner = await createUser();
    const error = await pgErrorFrom(() => createCode(owner.id, { usageCount: -1 }));
    expect(error).toMatchObject({ code: PG.checkViolation, constraint: "referral_codes_usage_nonneg" });
  });

  it("refuse a usage count above the limit", async () => {
    const owner = await createUser();
    const code = await createCode(owner.id, { usageLimit: 2 });
    const error = await pgErrorFrom(
      testDb.db.update(referralCodes).set({ usageCount: 3 }).where(eq(referralCodes.id, code.id)),
    );
    expect(error).toMatchObject({ code: PG.checkViolation, constraint: "referral_codes_within_limit" });
    expect(await usageCountOf(code.id)).toBe(0);
  });

  it("refuse a canonical code outside ^[A-Z0-9]{6,12}$", async () => {
    const owner = await createUser();
    for (const canonicalCode of ["maya2025", "ABC12", "ABCDEFGHIJKLM", "MAYA-2025"]) {
      const error = await pgErrorFrom(() => createCode(owner.id, { code: canonicalCode, canonicalCode }));
      expect(error, canonicalCode).toMatchObject({
        code: PG.checkViolation,
        constraint: "referral_codes_canonical_format",
      });
    }
  });

  it("refuse a negative points balance", async () => {
    const error = await pgErrorFrom(() => createUser({ pointsBalance: -1 }));
    expect(error).toMatchObject({ code: PG.checkViolation, constraint: "users_points_balance_nonneg" });
  });

  it("refuse an e-mail address that is not lower-case", async () => {
    const error = await pgErrorFrom(() => createUser({ email: "Mixed.Case@Example.test" }));
    expect(error).toMatchObject({ code: PG.checkViolation, constraint: "users_email_lower" });
  });

  it("refuse a negative or zero payment amount", async () => {
    const payer = await createUser();
    for (const amountCents of [-500, 0]) {
      const error = await pgErrorFrom(
        testDb.db.insert(payments).values({ userId: payer.id, externalId: `pay_${next()}`, amountCents }),
      );
      expect(error, String(amountCents)).toMatchObject({
        code: PG.checkViolation,
        constraint: "payments_amount_positive",
      });
    }
    expect(await testDb.db.select().from(payments).where(eq(payments.userId, payer.id))).toEqual([]);
  });
});

describe("usage-count trigger", () => {
  it("counts a code's uses as usage log rows are inserted and deleted", async () => {
    const owner = await createUser();
    const code = await createCode(owner.id);
    expect(await usageCountOf(code.id)).toBe(0);

    const first = await recordUse(code);
    await recordUse(code);
    expect(await usageCountOf(code.id)).toBe(2);

    await testDb.db.delete(referralUsageLog).where(eq(referralUsageLog.id, first.id));
    expect(await usageCountOf(code.id)).toBe(1);
  });

  it("moves the count when a usage row is re-pointed to another code", async () => {
    const owner = await createUser();
    const from = await createCode(owner.id);
    const to = await createCode(owner.id);
    const use = await recordUse(from);

    await testDb.db
      .update(referralUsageLog)
      .set({ referralCodeId: to.id })
      .where(eq(referralUsageLog.id, use.id));

    expect(await usageCountOf(from.id)).toBe(0);
    expect(await usageCountOf(to.id)).toBe(1);
  });

  it("refuses a use past the limit with referral_code_exhausted and rolls back the whole transaction", async () => {
    const owner = await createUser();
    const code = await createCode(owner.id, { usageLimit: 2 });
    await recordUse(code);
    const usersBefore = (await testDb.db.select({ n: count() }).from(users))[0].n;

    // One signup transaction that claims the code twice: the first claim fits, the second does not.
    const error = await pgErrorFrom(
      testDb.db.transaction(async (tx) => {
        for (const label of ["fits", "over"]) {
          const email = `late-${label}-${next()}@example.test`;
          const [referred] = await tx
            .insert(users)
            .values({ email, normalizedEmail: email, name: "Late signup", passwordHash: "x" })
            .returning();
          await tx.insert(referralUsageLog).values({
            referralCodeId: code.id,
            referrerUserId: owner.id,
            referredUserId: referred.id,
            codeUsed: code.code,
          });
        }
      }),
    );

    expect(error).toMatchObject({ code: PG.raiseException, message: "referral_code_exhausted" });
    expect(await usageCountOf(code.id)).toBe(1);
    const uses = await testDb.db
      .select()
      .from(referralUsageLog)
      .where(eq(referralUsageLog.referralCodeId, code.id));
    expect(uses).toHaveLength(1);
    const usersAfter = (await testDb.db.select({ n: count() }).from(users))[0].n;
    expect(usersAfter).toBe(usersBefore);
  });

  it("lets a code with a limit be used exactly up to it", async () => {
    const owner = await createUser();
    const code = await createCode(owner.id, { usageLimit: 1 });
    await recordUse(code);
    expect(await usageCountOf(code.id)).toBe(1);
    const error = await pgErrorFrom(() => recordUse(code));
    expect(error).toMatchObject({ code: PG.raiseException, message: "referral_code_exhausted" });
    expect(await usageCountOf(code.id)).toBe(1);
  });
});

describe("uniqueness", () => {
  it("allows each canonical code once", async () => {
    const first = await createUser();
    const second = await createUser();
    const code = await createCode(first.id);
    const error = await pgErrorFrom(() =>
      createCode(second.id, { code: code.canonicalCode.toLowerCase(), canonicalCode: code.canonicalCode }),
    );
    expect(error).toMatchObject({ code: PG.uniqueViolation, constraint: "referral_codes_canonical_key" });
  });

  it("attributes a referred user at most once", async () => {
    const owner = await createUser();
    const code = await createCode(owner.id);
    const use = await recordUse(code);
    const error = await pgErrorFrom(() => recordUse(code, { referredUserId: use.referredUserId }));
    expect(error).toMatchObject({ code: PG.uniqueViolation, constraint: "referral_usage_log_referred_key" });
    expect(await usageCountOf(code.id)).toBe(1);
  });
});

describe("referral_performance view", () => {
  it("reports signups, clicks and direct commission money per code", async () => {
    const referrer = await createUser({ name: "Maya Referrer" });
    const code = await createCode(referrer.id, { codeName: "Spring", usageLimit: 10 });
    const otherCode = await createCode(referrer.id);

    const recent = await recordUse(code);
    const older = await recordUse(code, {
      usedAt: new Date(Date.now() - 10 * 24 * 60 * 60 * 1000),
      commissionEligible: false,
    });
    await recordUse(otherCode);
    await testDb.db
      .insert(referralClicks)
      .values([
        { referralCodeId: code.id },
        { referralCodeId: code.id },
        { referralCodeId: code.id },
        { referralCodeId: otherCode.id },
      ]);
    const holdUntil = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000);
    await testDb.db.insert(commissions).values([
      {
        beneficiaryUserId: referrer.id,
        referralId: recent.id,
        amountCents: 500,
        status: "pending",
        holdUntil,
      },
      {
        beneficiaryUserId: referrer.id,
        referralId: recent.id,
        amountCents: 250,
        status: "approved",
        holdUntil,
      },
      { beneficiaryUserId: referrer.id, referralId: older.id, amountCents: 300, status: "paid", holdUntil },
      {
        beneficiaryUserId: referrer.id,
        referralId: older.id,
        amountCents: 100,
        status: "rejected",
        holdUntil,
      },
      // Partner overrides are not the code owner's money.
      {
        beneficiaryUserId: referrer.id,
        referralId: recent.id,
        amountCents: 999,
        level: "partner",
        holdUntil,
      },
    ]);

    const rows = rawRows(
      await testDb.db.execute(sql`SELECT * FROM referral_performance WHERE referral_code_id = ${code.id}`),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      referral_code_id: code.id,
      code: code.code,
      code_name: "Spring",
      referrer_user_id: referrer.id,
      referrer_email: referrer.email,
      referrer_name: "Maya Referrer",
      usage_count: 2,
      usage_limit: 10,
      is_active: true,
      total_signups: 2,
      eligible_referrals: 1,
      signups_last_30_days: 2,
      signups_last_7_days: 1,
      clicks: 3,
      total_commission_cents: 1050,
      commission_paid_cents: 300,
      commission_pending_cents: 750,
    });

    const other = rawRows(
      await testDb.db.execute(
        sql`SELECT * FROM referral_performance WHERE referral_code_id = ${otherCode.id}`,
      ),
    );
    expect(other[0]).toMatchObject({ total_signups: 1, clicks: 1, total_commission_cents: 0 });
  });

  it("lists a code nobody has used with zeros", async () => {
    const owner = await createUser();
    const code = await createCode(owner.id);
    const rows = rawRows(
      await testDb.db.execute(sql`SELECT * FROM referral_performance WHERE referral_code_id = ${code.id}`),
    );
    expect(rows).toEqual([
      expect.objectContaining({
        referral_code_id: code.id,
        usage_count: 0,
        total_signups: 0,
        eligible_referrals: 0,
        clicks: 0,
        total_commission_cents: 0,
        commission_paid_cents: 0,
        commission_pending_cents: 0,
      }),
    ]);
  });
});
