import { count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { clientSites, referralCodes, referralUsageLog, subscriptions, users } from "@/db/schema";
import { insertCode, insertUser, refusal } from "@/testing/fixtures";
import { useTestDatabase } from "@/testing/use-test-database";
import { hashIp } from "@/lib/request-fingerprint";
import { attributeSignup, CODE_EXHAUSTED_MESSAGE, type SignupInput } from "./attribute-signup";
import { normalizeEmail } from "./normalize-email";

const testDb = useTestDatabase({ poolMax: 25 });
const now = new Date("2026-06-15T12:00:00Z");
let seq = 0;

async function makeReferrer(
  opts: {
    email?: string;
    phone?: string;
    code?: string;
    limit?: number | null;
    expiresAt?: Date;
    active?: boolean;
    status?: "active" | "suspended";
    lastIp?: string;
    lastDevice?: string;
  } = {},
) {
  seq++;
  const email = opts.email ?? `referrer${seq}@example.com`;
  const user = await insertUser(testDb.db, {
    email,
    normalizedEmail: normalizeEmail(email),
    name: `Referrer ${seq}`,
    phone: opts.phone ?? null,
    status: opts.status ?? "active",
    lastIpHash: opts.lastIp ? hashIp(opts.lastIp) : null,
    lastDeviceId: opts.lastDevice ?? null,
  });
  const row = await insertCode(testDb.db, user.id, opts.code ?? `RFR${String(seq).padStart(4, "0")}X`, {
    usageLimit: opts.limit ?? null,
    expiresAt: opts.expiresAt ?? null,
    isActive: opts.active ?? true,
  });
  return { user, code: row };
}

function signup(overrides: Partial<SignupInput> = {}): Promise<Awaited<ReturnType<typeof attributeSignup>>> {
  seq++;
  return attributeSignup(testDb.db, {
    name: `New Client ${seq}`,
    email: `new${seq}@example.org`,
    password: "correct horse battery",
    businessType: "creator",
    ip: `198.51.100.${seq % 250}`,
    userAgent: "vitest",
    now,
    ...overrides,
  });
}

const tableCounts = async () => {
  const [u] = await testDb.db.select({ n: count() }).from(users);
  const [l] = await testDb.db.select({ n: count() }).from(referralUsageLog);
  const [s] = await testDb.db.select({ n: count() }).from(subscriptions);
  return { users: u.n, log: l.n, subscriptions: s.n };
};

describe("attributeSignup without a code", () => {
  it("creates the client, a trial subscription, a site and the client's own code", async () => {
    const result = await signup({ name: "Zed Quill", email: "Zed.Quill@Example.org" });
    expect(result.referral).toBeNull();
    expect(result.tempPassword).toBeNull();
    expect(result.user.email).toBe("zed.quill@example.org");
    expect(result.user.accountNumber).toMatch(/^MO-US-30-26\d{4}$/);
    expect(result.user.slug).toBe("zed-quill");
    const [sub] = await testDb.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, result.subscriptionId));
    expect(sub.status).toBe("trial");
    expect(sub.trialEndsAt?.toISOString()).toBe("2026-06-22T12:00:00.000Z");
    const [site] = await testDb.db.select().from(clientSites).where(eq(clientSites.id, result.siteId));
    expect(site.userId).toBe(result.user.id);
    const codes = await testDb.db
      .select()
      .from(referralCodes)
      .where(eq(referralCodes.clientId, result.user.id));
    expect(codes.map((c) => c.code)).toEqual([result.ownCode.code]);
    expect(result.ownCode.code).toMatch(/^ZED/);
  });

  it("gives API-created clients a temporary password that must be changed", async () => {
    const result = await signup({ password: null });
    expect(result.tempPassword).toMatch(/^[A-Za-z0-9_-]{10,}$/);
    const [user] = await testDb.db.select().from(users).where(eq(users.id, result.user.id));
    expect(user.mustChangePassword).toBe(true);
  });

  it("refuses an e-mail that already has an account", async () => {
    await signup({ email: "taken@example.org" });
    const error = await refusal(signup({ email: "TAKEN@example.org" }));
    expect(error.message).toBe("An account with this e-mail already exists");
    expect(error.field).toBe("email");
  });

  it("numbers accounts per year in sequence", async () => {
    const a = await signup({ now: new Date("2027-01-01T00:00:00Z") });
    const b = await signup({ now: new Date("2027-03-01T00:00:00Z") });
    expect(a.user.accountNumber).toBe("MO-US-30-270001");
    expect(b.user.accountNumber).toBe("MO-US-30-270002");
  });
});

describe("attributeSignup with a code", () => {
  it("attributes the signup once: log row, referrer fields, usage count", async () => {
    const { user: referrer, code } = await makeReferrer({ code: "MAYA-2025" });
    const result = await signup({
      referralCode: "maya2o25",
      source: "whatsapp",
      ip: "203.0.113.7",
      userAgent: "UA test",
    });
    expect(result.referral).toMatchObject({ codeUsed: "MAYA-2025", commissionEligible: true, flags: [] });
    const [log] = await testDb.db
      .select()
      .from(referralUsageLog)
      .where(eq(referralUsageLog.referredUserId, result.user.id));
    expect(log).toMatchObject({
      referralCodeId: code.id,
      referrerUserId: referrer.id,
      signupIp: "203.0.113.7",
      signupUserAgent: "UA test",
      source: "whatsapp",
      isFlagged: false,
      reviewStatus: "not_required",
      commissionEligible: true,
    });
    const [user] = await testDb.db.select().from(users).where(eq(users.id, result.user.id));
    expect(user.referredByUserId).toBe(referrer.id);
    expect(user.referralCodeUsed).toBe("MAYA-2025");
    const [after] = await testDb.db.select().from(referralCodes).where(eq(referralCodes.id, code.id));
    expect(after.usageCount).toBe(1);
  });

  it.each([
    ["bad format", async () => "AB", "Invalid code format"],
    ["unknown", async () => "NOSUCH99", "Referral code not found or inactive"],
    [
      "inactive",
      async () => (await makeReferrer({ active: false })).code.code,
      "Referral code not found or inactive",
    ],
    [
      "owner suspended",
      async () => (await makeReferrer({ status: "suspended" })).code.code,
      "Referral code not found or inactive",
    ],
    [
      "expired",
      async () => (await makeReferrer({ expiresAt: new Date("2026-06-01T00:00:00Z") })).code.code,
      "Referral code has expired",
    ],
    [
      "used up",
      async () => {
        const { code } = await makeReferrer({ limit: 1 });
        await signup({ referralCode: code.code });
        return code.code;
      },
      "Referral code has reached its usage limit",
    ],
  ])("refuses a code that is %s, writing nothing", async (_label, makeCode, message) => {
    const code = await makeCode();
    const before = await tableCounts();
    const error = await refusal(signup({ referralCode: code }));
    expect(error.message).toBe(message);
    expect(error.field).toBe("referralCode");
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses the referrer's own code by normalized e-mail (Gmail dots and +tags)", async () => {
    const { code } = await makeReferrer({ email: "maya.smith@gmail.com" });
    const error = await refusal(signup({ email: "m.aya.smith+new@googlemail.com", referralCode: code.code }));
    expect(error.message).toBe("You can't use your own referral code");
  });

  it("refuses the referrer's own code by phone", async () => {
    const { code } = await makeReferrer({ phone: "+14155550123" });
    const error = await refusal(signup({ phone: "+14155550123", referralCode: code.code }));
    expect(error.message).toBe("You can't use your own referral code");
  });

  const flagCases: [string, () => Promise<Partial<SignupInput>>][] = [
    [
      "same_ip_as_referrer",
      async () => ({
        referralCode: (await makeReferrer({ lastIp: "192.0.2.44" })).code.code,
        ip: "192.0.2.44",
      }),
    ],
    [
      "same_device_as_referrer",
      async () => ({
        referralCode: (await makeReferrer({ lastDevice: "dev-1" })).code.code,
        deviceId: "dev-1",
      }),
    ],
    [
      "disposable_email",
      async () => ({ referralCode: (await makeReferrer()).code.code, email: `x${seq}@mailinator.com` }),
    ],
    [
      "email_alias",
      async () => {
        await signup({ email: "ali.baba@gmail.com" });
        return { referralCode: (await makeReferrer()).code.code, email: "alibaba+2@gmail.com" };
      },
    ],
  ];
  it.each(flagCases)("flags %s: signup succeeds, commission off, review pending", async (rule, make) => {
    const result = await signup(await make());
    expect(result.referral?.flags.map((f) => f.rule)).toEqual([rule]);
    const [log] = await testDb.db
      .select()
      .from(referralUsageLog)
      .where(eq(referralUsageLog.id, result.referral!.id));
    expect(log).toMatchObject({ isFlagged: true, commissionEligible: false, reviewStatus: "pending" });
    expect(log.fraudFlags[0].reason.length).toBeGreaterThan(10);
  });

  it("flags IP velocity on one code from the fourth signup in the window", async () => {
    const { code } = await makeReferrer();
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await signup({ referralCode: code.code, ip: "192.0.2.200" }));
    expect(results.map((r) => r.referral?.flags.map((f) => f.rule))).toEqual([[], [], [], ["ip_velocity"]]);
  });

  it("leaves nothing behind when a step fails after the claim", async () => {
    const { code } = await makeReferrer({ limit: 5 });
    const before = await tableCounts();
    const error = await signup({
      referralCode: code.code,
      afterClaim: async () => {
        throw new Error("forced failure after claim");
      },
    }).catch((e: Error) => e);
    expect((error as Error).message).toBe("forced failure after claim");
    expect(await tableCounts()).toEqual(before);
    const [after] = await testDb.db.select().from(referralCodes).where(eq(referralCodes.id, code.id));
    expect(after.usageCount).toBe(0);
  });
});

describe("concurrency", () => {
  let codeId = 0;
  let codeText = "";
  beforeAll(async () => {
    const { code } = await makeReferrer({ limit: 10 });
    codeId = code.id;
    codeText = code.code;
  });

  it("200 parallel signups on a code with limit 10: exactly 10 succeed", async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        attributeSignup(testDb.db, {
          name: `Racer ${i}`,
          email: `racer${i}@example.net`,
          password: "correct horse battery",
          businessType: "creator",
          referralCode: codeText,
          ip: `10.1.${Math.floor(i / 250)}.${i % 250}`,
          now,
        }),
      ),
    );
    const ok = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(190);
    for (const r of refused) expect((r.reason as Error).message).toBe(CODE_EXHAUSTED_MESSAGE);
    const [code] = await testDb.db.select().from(referralCodes).where(eq(referralCodes.id, codeId));
    const [log] = await testDb.db
      .select({ n: count() })
      .from(referralUsageLog)
      .where(eq(referralUsageLog.referralCodeId, codeId));
    const [racers] = await testDb.db
      .select({ n: count() })
      .from(users)
      .where(sql`${users.email} like 'racer%'`);
    expect(code.usageCount).toBe(10);
    expect(log.n).toBe(10);
    expect(racers.n).toBe(10);
  });
});
