import { beforeAll, describe, expect, it } from "vitest";
import { commissions, referralClicks } from "@/db/schema";
import { centsToDecimal } from "@/lib/format";
import { loadDashboardEarnings } from "@/lib/queries/dashboard";
import { findRollupMismatches } from "@/lib/referrals/rollup-mismatches";
import { creditPoints, voidPendingEntries } from "@/lib/rewards/ledger";
import { insertClient, insertCode, insertReferral, type User } from "@/testing/fixtures";
import { useTestDatabase } from "@/testing/use-test-database";
import { monthlySummaryMessages } from "./monthly-summary";

const testDb = useTestDatabase();
const now = new Date("2026-12-15T12:00:00Z");
const month = "2026-11";
let busy: User;
let quiet: User;
const referrers: User[] = [];

// Hand-counted November 2026 of `busy`: signups 2 on BUSYCODA and 1 on BUSYCODB (one more on BUSYCODA at the last
// instant of October, one on the first of December); clicks 5 in November on BUSYCODA (2 on Dec 1);
// direct usd commission 15.00 on hold + 4.50 approved (a rejected 7.00, a partner 3.00 and a December
// 1.00 left out), and beside it €3.99 on hold + €1.00 approved and ¥500 paid (a partner €2.00 and a December
// ¥70 left out: other currencies are counted like usd, never added to it); points 300 + 200 held (50 in
// December, 80 voided left out).
beforeAll(async () => {
  const db = testDb.db;
  busy = await insertClient(db, { name: "Busy" });
  const codeA = await insertCode(db, busy.id, "BUSYCODA");
  const codeB = await insertCode(db, busy.id, "BUSYCODB");
  const signups = [
    { code: codeA, at: "2026-10-31T23:59:59.999Z" },
    { code: codeA, at: "2026-11-01T00:00:00Z" },
    { code: codeA, at: "2026-11-20T10:00:00Z" },
    { code: codeB, at: "2026-11-30T23:59:59.999Z" },
    { code: codeA, at: "2026-12-01T00:00:00Z" },
  ];
  const logs = [];
  for (const s of signups) logs.push(await insertReferral(db, s.code, { usedAt: new Date(s.at) }));
  await db.insert(referralClicks).values([
    ...Array.from({ length: 5 }, (_, i) => ({
      referralCodeId: codeA.id,
      clickedAt: new Date(`2026-11-${String(10 + i).padStart(2, "0")}T08:00:00Z`),
    })),
    ...Array.from({ length: 2 }, () => ({
      referralCodeId: codeA.id,
      clickedAt: new Date("2026-12-01T00:00:00Z"),
    })),
  ]);
  const hold = new Date("2027-01-30T00:00:00Z");
  const nov = new Date("2026-11-21T09:00:00Z");
  const base = { beneficiaryUserId: busy.id, holdUntil: hold, createdAt: nov };
  await db.insert(commissions).values([
    { ...base, referralId: logs[1].id, amountCents: 1500, status: "pending" },
    { ...base, referralId: logs[2].id, amountCents: 450, status: "approved" },
    { ...base, referralId: logs[3].id, amountCents: 700, status: "rejected" },
    { ...base, referralId: logs[1].id, amountCents: 300, status: "pending", level: "partner" },
    { ...base, referralId: logs[4].id, amountCents: 100, createdAt: new Date("2026-12-01T00:00:00Z") },
    { ...base, referralId: logs[1].id, amountCents: 399, status: "pending", currency: "eur" },
    { ...base, referralId: logs[2].id, amountCents: 100, status: "approved", currency: "eur" },
    { ...base, referralId: logs[3].id, amountCents: 500, status: "paid", currency: "jpy" },
    {
      ...base,
      referralId: logs[1].id,
      amountCents: 200,
      status: "pending",
      level: "partner",
      currency: "eur",
    },
    {
      ...base,
      referralId: logs[4].id,
      amountCents: 70,
      currency: "jpy",
      createdAt: new Date("2026-12-01T00:00:00Z"),
    },
  ]);
  await db.transaction(async (tx) => {
    const credit = { userId: busy.id, reason: "referral_referrer" as const, expiryDays: null };
    await creditPoints(tx, {
      ...credit,
      points: 300,
      status: "available",
      now: new Date("2026-11-05T00:00:00Z"),
    });
    await creditPoints(tx, {
      ...credit,
      points: 200,
      status: "pending",
      now: new Date("2026-11-30T23:59:59Z"),
    });
    await creditPoints(tx, {
      ...credit,
      points: 50,
      status: "available",
      now: new Date("2026-12-01T00:00:00Z"),
    });
    // Held, then voided (its referral rejected): earned nothing.
    const voided = await creditPoints(tx, { ...credit, points: 80, status: "pending", now: nov });
    await voidPendingEntries(tx, [{ id: voided, userId: busy.id, deltaPoints: 80 }]);
  });
  referrers.push(busy);

  quiet = await insertClient(db, { name: "Quiet" });
  await insertCode(db, quiet.id, "QUIETCOD");
  referrers.push(quiet);
  // Not referrers: a client without a code, a suspended one, an admin.
  await insertClient(db, { name: "No code" });
  await insertCode(db, (await insertClient(db, { status: "suspended" })).id, "SUSPEND1");
  await insertCode(db, (await insertClient(db, { role: "admin" })).id, "ADMINCOD");
  for (let i = 0; i < 6; i++) {
    const user = await insertClient(db);
    await insertCode(db, user.id, `MORECOD${i}`);
    if (i % 2 === 0) await insertReferral(db, await insertCode(db, user.id, `MOREXCO${i}`), { usedAt: nov });
    referrers.push(user);
  }
});

describe("monthlySummaryMessages", () => {
  it("gives the hand-counted month of a referrer", async () => {
    const [first] = await monthlySummaryMessages(
      testDb.db,
      { month, afterUserId: busy.id - 1, limit: 1 },
      now,
    );
    expect(first).toEqual({
      userId: busy.id,
      message: {
        kind: "monthly_summary",
        month,
        clicks: 5,
        signups: 3,
        commission: [
          { cents: 1950, currency: "usd" },
          { cents: 499, currency: "eur" },
          { cents: 500, currency: "jpy" },
        ],
        points: 500,
        bestCode: "BUSYCODA",
      },
    });
  });

  it("gives the month's other currencies on the dashboard's monthly report, by bucket, never added to usd", async () => {
    const { report } = await loadDashboardEarnings(testDb.db, busy, { now, month });
    expect(report.commission_earned).toBe("19.50");
    expect(report.other_currencies).toEqual([
      {
        currency: "eur",
        commission_earned: "4.99",
        commission_pending: "4.99",
        commission_on_hold: "3.99",
        commission_approved: "1.00",
      },
      {
        currency: "jpy",
        commission_earned: "500",
        commission_pending: "0",
        commission_on_hold: "0",
        commission_approved: "0",
      },
    ]);
  });

  it("shows what the dashboard's monthly report shows, for every referrer", async () => {
    const all = await monthlySummaryMessages(testDb.db, { month, afterUserId: 0, limit: 1000 }, now);
    expect(all.length).toBe(referrers.length);
    for (const { userId, message } of all) {
      const user = referrers.find((r) => r.id === userId)!;
      const { report } = await loadDashboardEarnings(testDb.db, user, { now, month });
      expect(message.signups).toBe(report.new_referrals);
      expect(message.bestCode).toBe(report.top_performing_code);
      // Per currency, amount for amount (a currency that nets to zero is left out of both).
      const shown = [
        { currency: "usd", amount: report.commission_earned },
        ...report.other_currencies.map((o) => ({ currency: o.currency, amount: o.commission_earned })),
      ].filter((o) => Number(o.amount) !== 0);
      expect(
        message.commission.map((m) => ({
          currency: m.currency,
          amount: centsToDecimal(m.cents, m.currency),
        })),
      ).toEqual(shown);
      expect(message.clicks ? message.signups / message.clicks : null).toBe(report.conversion_rate);
    }
    expect(all.find((m) => m.userId === quiet.id)?.message).toMatchObject({
      clicks: 0,
      signups: 0,
      commission: [],
      points: 0,
      bestCode: null,
    });
  });

  it("pages by user id: every referrer exactly once, in order", async () => {
    const seen: number[] = [];
    let afterUserId = 0;
    for (;;) {
      const page = await monthlySummaryMessages(testDb.db, { month, afterUserId, limit: 3 }, now);
      if (!page.length) break;
      expect(page.length).toBeLessThanOrEqual(3);
      seen.push(...page.map((p) => p.userId));
      afterUserId = page[page.length - 1].userId;
    }
    expect(seen).toEqual(referrers.map((r) => r.id).sort((a, b) => a - b));
  });

  it("reads points from a rollup equal to its recount (points_earned_daily)", async () => {
    expect(await findRollupMismatches(testDb.db)).toEqual([]);
  });

  it("refuses a malformed month or page", async () => {
    await expect(
      monthlySummaryMessages(testDb.db, { month: "2026-13", afterUserId: 0, limit: 10 }),
    ).rejects.toThrow(/YYYY-MM/);
    await expect(monthlySummaryMessages(testDb.db, { month, afterUserId: 0, limit: 0 })).rejects.toThrow();
  });
});
