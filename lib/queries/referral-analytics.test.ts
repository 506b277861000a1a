import { beforeAll, describe, expect, it } from "vitest";
import { commissions, referralClicks } from "@/db/schema";
import { insertCode, insertReferral, insertUser } from "@/testing/fixtures";
import { useTestDatabase } from "@/testing/use-test-database";
import {
  getDailyActivity,
  getMonthlyReport,
  getReferralAnalytics,
  getSignupsBySource,
} from "./referral-analytics";

const testDb = useTestDatabase();
const now = new Date("2026-06-30T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
let referrerId = 0;
let codeAId = 0;
let codeBId = 0;

// Hand-counted fixtures. Code A (limit 10, 10 clicks): signups 6.99, 7, 7.01, 30 and 30.01 days ago.
// Code B (inactive, no clicks): signups at 2026-04-30T23:59:59.999Z and 2026-05-01T00:00:00Z.
// Clicks on A: 4 at 2026-05-31T23:59:59.999Z (May), 6 at 2026-06-01T00:00:00Z (June).
// Ledger (beneficiary = the referrer): direct 9.99 pending and 9.99 paid and 5.00 rejected on A's first
// three (June), a 3.00 partner row (not direct: left out), direct 10.00 approved on B's May signup.
beforeAll(async () => {
  const db = testDb.db;
  const referrer = await insertUser(db, { email: "ref@example.com", name: "Referrer" });
  referrerId = referrer.id;
  const codeA = await insertCode(db, referrerId, "REFCODEA", {
    codeName: "Main",
    usageLimit: 10,
    createdAt: new Date("2026-01-01T00:00:00Z"),
  });
  const codeB = await insertCode(db, referrerId, "REFCODEB", {
    isActive: false,
    createdAt: new Date("2026-02-01T00:00:00Z"),
  });
  codeAId = codeA.id;
  codeBId = codeB.id;

  const signups: { code: typeof codeA; at: Date; source: "link" | "qr" | "email"; cents: number }[] = [
    { code: codeA, at: daysAgo(6.99), source: "link", cents: 999 },
    { code: codeA, at: daysAgo(7), source: "link", cents: 999 },
    { code: codeA, at: daysAgo(7.01), source: "qr", cents: 0 },
    { code: codeA, at: daysAgo(30), source: "qr", cents: 0 },
    { code: codeA, at: daysAgo(30.01), source: "email", cents: 0 },
    { code: codeB, at: new Date("2026-04-30T23:59:59.999Z"), source: "link", cents: 0 },
    { code: codeB, at: new Date("2026-05-01T00:00:00Z"), source: "link", cents: 1000 },
  ];
  const logIds: number[] = [];
  for (const [i, s] of signups.entries()) {
    const referred = await insertUser(db, { email: `friend${i}@example.org`, name: `Friend ${i}` });
    const log = await insertReferral(
      db,
      s.code,
      { usedAt: s.at, source: s.source, signupIp: `10.0.0.${i}`, commissionAmountCents: s.cents },
      referred,
    );
    logIds.push(log.id);
  }
  await db.insert(referralClicks).values([
    ...Array.from({ length: 4 }, () => ({
      referralCodeId: codeA.id,
      clickedAt: new Date("2026-05-31T23:59:59.999Z"),
    })),
    ...Array.from({ length: 6 }, () => ({
      referralCodeId: codeA.id,
      clickedAt: new Date("2026-06-01T00:00:00Z"),
    })),
  ]);
  const june = new Date("2026-06-23T13:00:00Z");
  const hold = new Date("2026-07-30T00:00:00Z");
  await db.insert(commissions).values([
    {
      beneficiaryUserId: referrerId,
      referralId: logIds[0],
      amountCents: 999,
      status: "pending",
      holdUntil: hold,
      createdAt: june,
    },
    {
      beneficiaryUserId: referrerId,
      referralId: logIds[1],
      amountCents: 999,
      status: "paid",
      holdUntil: hold,
      createdAt: june,
    },
    {
      beneficiaryUserId: referrerId,
      referralId: logIds[2],
      amountCents: 500,
      status: "rejected",
      holdUntil: hold,
      createdAt: june,
    },
    {
      beneficiaryUserId: referrerId,
      referralId: logIds[0],
      amountCents: 300,
      level: "partner",
      status: "pending",
      holdUntil: hold,
      createdAt: june,
    },
    {
      beneficiaryUserId: referrerId,
      referralId: logIds[6],
      amountCents: 1000,
      status: "approved",
      holdUntil: hold,
      createdAt: new Date("2026-05-01T00:00:00Z"),
    },
  ]);
});

describe("getReferralAnalytics", () => {
  // The windows are whole UTC days ending today (2026-06-30), read from the code·day rollup: the 7 days
  // 06-24…06-30 hold none of the three signups of 06-23 (the day just before them), the 30 days 06-01…06-30
  // hold those three but not the two of 05-31 (the day just before). Before the rollups they were rolling
  // `>= now - N days` windows (2 and 4 here).
  it("counts each code's signups in the 7 and 30 UTC days ending today at their edges, clicks and conversion", async () => {
    const a = await getReferralAnalytics(testDb.db, referrerId, { now, viewer: "owner" });
    expect(a.codes).toEqual([
      {
        id: codeAId,
        code: "REFCODEA",
        code_name: "Main",
        created_at: "2026-01-01T00:00:00.000Z",
        usage_count: 5,
        usage_limit: 10,
        total_signups: 5,
        signups_last_30_days: 3,
        signups_last_7_days: 0,
        total_commission_earned: "19.98",
        commission_paid: "9.99",
        clicks: 10,
        conversion_rate: 0.5,
        commission_by_currency: [{ currency: "usd", amount: "19.98", amount_cents: 1998 }],
      },
      {
        id: codeBId,
        code: "REFCODEB",
        code_name: null,
        created_at: "2026-02-01T00:00:00.000Z",
        usage_count: 2,
        usage_limit: null,
        total_signups: 2,
        signups_last_30_days: 0,
        signups_last_7_days: 0,
        total_commission_earned: "10.00",
        commission_paid: "0.00",
        clicks: 0,
        conversion_rate: null,
        commission_by_currency: [{ currency: "usd", amount: "10.00", amount_cents: 1000 }],
      },
    ]);
    expect(a.summary).toEqual({
      total_codes: 2,
      active_codes: 1,
      total_referrals: 7,
      signups_last_30_days: 3,
      total_commission_earned: "29.98",
      commission_pending: "19.99",
      commission_paid: "9.99",
      total_clicks: 10,
      conversion_rate: 0.7,
      other_currencies: [],
    });
  });

  it("lists the latest referrals newest first, e-mails masked for the owner and full for admins", async () => {
    const owner = await getReferralAnalytics(testDb.db, referrerId, { now, viewer: "owner" });
    expect(owner.recent_referrals).toHaveLength(7);
    expect(owner.recent_referrals[0]).toEqual({
      used_at: daysAgo(6.99).toISOString(),
      signup_ip: "10.0.0.0",
      referred_user_email: "f***@example.org",
      referral_code_used: "REFCODEA",
      commission_amount: "9.99",
      commission_eligible: true,
      commission_by_currency: [{ currency: "usd", amount: "9.99", amount_cents: 999 }],
    });
    expect(owner.recent_referrals.every((r) => r.referred_user_email === "f***@example.org")).toBe(true);
    const admin = await getReferralAnalytics(testDb.db, referrerId, { now, viewer: "admin" });
    expect(admin.recent_referrals.map((r) => r.referred_user_email)).toEqual([
      "friend0@example.org",
      "friend1@example.org",
      "friend2@example.org",
      "friend3@example.org",
      "friend4@example.org",
      "friend6@example.org",
      "friend5@example.org",
    ]);
  });
});

describe("getMonthlyReport", () => {
  it("uses UTC month boundaries for referrals, clicks and commissions", async () => {
    expect(await getMonthlyReport(testDb.db, referrerId, "2026-04", now)).toEqual({
      period: "2026-04",
      total_referrals: 1,
      new_referrals: 1,
      commission_earned: "0.00",
      commission_pending: "0.00",
      commission_on_hold: "0.00",
      commission_approved: "0.00",
      top_performing_code: "REFCODEB",
      conversion_rate: null,
      other_currencies: [],
    });
    expect(await getMonthlyReport(testDb.db, referrerId, "2026-05", now)).toEqual({
      period: "2026-05",
      total_referrals: 4,
      new_referrals: 3,
      commission_earned: "10.00",
      commission_pending: "10.00",
      commission_on_hold: "0.00",
      commission_approved: "10.00",
      top_performing_code: "REFCODEA",
      conversion_rate: 0.75,
      other_currencies: [],
    });
    expect(await getMonthlyReport(testDb.db, referrerId, "2026-06", now)).toEqual({
      period: "2026-06",
      total_referrals: 7,
      new_referrals: 3,
      commission_earned: "19.98",
      commission_pending: "9.99",
      commission_on_hold: "9.99",
      commission_approved: "0.00",
      top_performing_code: "REFCODEA",
      conversion_rate: 0.5,
      other_currencies: [],
    });
  });

  it("answers zeros for a month without activity", async () => {
    expect(await getMonthlyReport(testDb.db, referrerId, "2025-12", now)).toMatchObject({
      total_referrals: 0,
      new_referrals: 0,
      top_performing_code: null,
      conversion_rate: null,
    });
  });
});

describe("chart series", () => {
  it("counts clicks and signups per UTC day and signups per source", async () => {
    const days = await getDailyActivity(testDb.db, referrerId, 30, now);
    expect(days).toHaveLength(30);
    expect(days[0]).toEqual({ date: "2026-06-01", clicks: 6, signups: 0 });
    expect(days.find((d) => d.date === "2026-06-23")).toEqual({ date: "2026-06-23", clicks: 0, signups: 3 });
    expect(days.at(-1)?.date).toBe("2026-06-30");
    expect(days.reduce((n, d) => n + d.signups, 0)).toBe(3);
    expect(await getSignupsBySource(testDb.db, referrerId)).toEqual([
      { source: "link", signups: 4 },
      { source: "qr", signups: 2 },
      { source: "email", signups: 1 },
    ]);
  });
});
