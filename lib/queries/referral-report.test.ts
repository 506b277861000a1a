import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { commissions, referralCampaigns, referralCodes, referralUsageLog, users } from "@/db/schema";
import { rawRows, useTestDatabase } from "@/testing/use-test-database";
import {
  parseReportSearch,
  referralReportFiltersSchema,
  reportQueryString,
  referralReportSearchSchema,
  type ReferralReportSearch,
} from "@/lib/validation/referral-report";
import { recordStatements } from "@/db/statement-log";
import { getReportPage, getReportTotals, getReportView } from "./referral-report";
import { resolveReportFilters } from "./referral-report-filter";

const testDb = useTestDatabase();
const t0 = Date.parse("2026-05-01T00:00:00Z");
const HOUR = 3_600_000;

const ids = {} as Record<string, number>;
let allIds: number[] = [];

async function user(email: string, name: string) {
  const [row] = await testDb.db
    .insert(users)
    .values({ email, normalizedEmail: email, name, passwordHash: "x" })
    .returning({ id: users.id });
  return row.id;
}

type Referral = {
  key: string;
  referrerId: number;
  codeId: number;
  code: string;
  // hours after t0, plus microseconds: several referrals share a timestamp to test keyset ties.
  hours: number;
  micros?: number;
  source?: "link" | "email" | "qr";
  flagged?: boolean;
  eligible?: boolean;
  netCents?: number;
  paid?: boolean;
};

beforeAll(async () => {
  const db = testDb.db;
  const maya = await user("maya@example.com", "Maya Patel");
  const sarah = await user("sarah@example.com", "Sarah Johnson");
  const [holiday] = await db
    .insert(referralCampaigns)
    .values({ campaignName: "Holiday 2025", commissionValue: 2000 })
    .returning({ id: referralCampaigns.id });
  ids.holiday = holiday.id;
  const [mayaCode] = await db
    .insert(referralCodes)
    .values({ clientId: maya, code: "MAYA2025", canonicalCode: "MAYA2025", campaignId: holiday.id })
    .returning({ id: referralCodes.id });
  const [sarahCode] = await db
    .insert(referralCodes)
    .values({ clientId: sarah, code: "SARAH25", canonicalCode: "SARAH25" })
    .returning({ id: referralCodes.id });
  ids.maya = maya;
  ids.sarah = sarah;

  const m = { referrerId: maya, codeId: mayaCode.id, code: "MAYA2025" };
  const s = { referrerId: sarah, codeId: sarahCode.id, code: "SARAH25" };
  const special: Referral[] = [
    { key: "pending", ...m, hours: 1, source: "link", netCents: 500 },
    { key: "approvedAndPaid", ...m, hours: 2, source: "email", netCents: 500 },
    { key: "paid", ...s, hours: 3, source: "qr", netCents: 999, paid: true },
    { key: "reversed", ...s, hours: 4, source: "link", netCents: 0 },
    { key: "rejected", ...s, hours: 5, flagged: true, eligible: false, source: "email" },
    { key: "partnerOnly", ...m, hours: 6, source: "link" },
    { key: "lastDay", ...s, hours: 24 * 30 - 1, source: "qr" }, // 2026-05-30T23:00Z
  ];
  // 60 plain referrals, three per timestamp (ties), sub-millisecond apart in pairs.
  const bulk: Referral[] = Array.from({ length: 60 }, (_, i) => ({
    key: `bulk${i}`,
    ...(i % 2 ? m : s),
    hours: 100 + Math.floor(i / 3),
    micros: i % 3 === 2 ? 1 : 0,
    source: "link",
    netCents: (i % 7) * 100,
  }));
  for (const r of [...special, ...bulk]) {
    const referred = await user(`${r.key.toLowerCase()}@example.org`, `Referred ${r.key}`);
    const usedAt = new Date(t0 + r.hours * HOUR).toISOString();
    const [row] = await db
      .insert(referralUsageLog)
      .values({
        referralCodeId: r.codeId,
        referrerUserId: r.referrerId,
        referredUserId: referred,
        codeUsed: r.code,
        source: r.source ?? "link",
        isFlagged: r.flagged ?? false,
        reviewStatus: r.flagged ? "pending" : "not_required",
        commissionEligible: r.eligible ?? true,
        commissionAmountCents: r.netCents ?? 0,
        commissionPaid: r.paid ?? false,
        usedAt: sql`${usedAt}::timestamptz + ${r.micros ?? 0} * interval '1 microsecond'`,
      })
      .returning({ id: referralUsageLog.id });
    ids[r.key] = row.id;
  }

  const hold = new Date(t0 + 40 * 24 * HOUR);
  const earning = (
    key: string,
    beneficiaryUserId: number,
    amountCents: number,
    status: string,
    level = "direct",
  ) =>
    ({
      beneficiaryUserId,
      referralId: ids[key],
      amountCents,
      status,
      level,
      holdUntil: hold,
    }) as typeof commissions.$inferInsert;
  await db
    .insert(commissions)
    .values([
      earning("pending", maya, 500, "pending"),
      earning("approvedAndPaid", maya, 300, "approved"),
      earning("approvedAndPaid", maya, 200, "paid"),
      earning("paid", sarah, 999, "paid"),
      earning("reversed", sarah, 400, "reversed"),
      earning("rejected", sarah, 700, "rejected"),
      earning("partnerOnly", maya, 100, "pending", "partner"),
    ]);
  const [origin] = rawRows<{ id: number }>(
    await db.execute(sql`SELECT id FROM commissions WHERE referral_id = ${ids.reversed}`),
  );
  await db.insert(commissions).values({
    ...earning("reversed", sarah, -400, "reversed"),
    kind: "reversal",
    reversesCommissionId: Number(origin.id),
  });
  allIds = rawRows<{ id: number }>(
    await db.execute(sql`SELECT id FROM referral_usage_log ORDER BY used_at DESC, id DESC`),
  ).map((r) => Number(r.id));
});

const filters = (raw: Record<string, string>) => referralReportFiltersSchema.parse(raw);
const search = (raw: Record<string, string>) => referralReportSearchSchema.parse({ size: "100", ...raw });

async function idsFor(raw: Record<string, string>): Promise<number[]> {
  const page = await getReportPage(testDb.db, search(raw));
  return page.rows.map((r) => r.id).sort((a, b) => a - b);
}
const keys = (...names: string[]) => names.map((n) => ids[n]).sort((a, b) => a - b);

describe("the report's filters", () => {
  it("commission_status: eligible is the seed's flag; ledger states mean a direct commission row in that state", async () => {
    expect(await idsFor({ commission_status: "pending" })).toEqual(keys("pending"));
    expect(await idsFor({ commission_status: "approved" })).toEqual(keys("approvedAndPaid"));
    expect(await idsFor({ commission_status: "paid" })).toEqual(keys("approvedAndPaid", "paid"));
    expect(await idsFor({ commission_status: "reversed" })).toEqual(keys("reversed"));
    expect(await idsFor({ commission_status: "rejected" })).toEqual(keys("rejected"));
    const eligible = await getReportTotals(testDb.db, filters({ commission_status: "eligible" }));
    expect(eligible.referrals).toBe(allIds.length - 1);
    const all = await getReportTotals(testDb.db, filters({ commission_status: "all" }));
    expect(all.referrals).toBe(allIds.length);
  });

  it("dates: start is inclusive, a date-only end includes that whole UTC day", async () => {
    expect(await idsFor({ start_date: "2026-05-01", end_date: "2026-05-01" })).toEqual(
      keys("pending", "approvedAndPaid", "paid", "reversed", "rejected", "partnerOnly"),
    );
    expect(await idsFor({ start_date: "2026-05-30", end_date: "2026-05-30" })).toEqual(keys("lastDay"));
    expect(await idsFor({ start_date: "2026-05-01T03:00:00Z", end_date: "2026-05-01T04:00:00Z" })).toEqual(
      keys("paid", "reversed"),
    );
    expect((await getReportTotals(testDb.db, filters({ start_date: "2026-05-31" }))).referrals).toBe(0);
  });

  it("campaign, referrer (name, e-mail, code in any form), flagged and source", async () => {
    const mayaTotal = (await getReportTotals(testDb.db, filters({ referrer: "maya" }))).referrals;
    expect(mayaTotal).toBe(3 + 30);
    expect((await getReportTotals(testDb.db, filters({ campaign: String(ids.holiday) }))).referrals).toBe(
      mayaTotal,
    );
    expect((await getReportTotals(testDb.db, filters({ referrer: "SARAH@EXAMPLE" }))).referrals).toBe(4 + 30);
    expect((await getReportTotals(testDb.db, filters({ referrer: "Johnson" }))).referrals).toBe(4 + 30);
    expect((await getReportTotals(testDb.db, filters({ referrer: "maya-2o25" }))).referrals).toBe(mayaTotal);
    expect((await getReportTotals(testDb.db, filters({ referrer: "100%_" }))).referrals).toBe(0);
    expect(await idsFor({ flagged: "1" })).toEqual(keys("rejected"));
    expect(await idsFor({ source: "qr" })).toEqual(keys("paid", "lastDay"));
    expect(await idsFor({ source: "email", referrer: "sarah", flagged: "true" })).toEqual(keys("rejected"));
  });

  it("totals cover the whole filtered set, with the direct ledger by status", async () => {
    const totals = await getReportTotals(
      testDb.db,
      filters({ start_date: "2026-05-01", end_date: "2026-05-01" }),
    );
    expect(totals).toEqual({
      referrals: 6,
      flagged: 1,
      eligible: 5,
      commissionPaid: 1,
      commissionNetCents: 500 + 500 + 999,
      ledger: {
        pendingCents: 500,
        approvedCents: 300,
        paidCents: 1199,
        reversedCents: 0,
        rejectedCents: 700,
      },
      otherCurrencies: [],
    });
  });

  it("a page row carries the referrer, the referred client, the campaign and its ledger", async () => {
    const page = await getReportPage(testDb.db, search({ commission_status: "approved" }));
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({
      codeUsed: "MAYA2025",
      referrer: { id: ids.maya, name: "Maya Patel", email: "maya@example.com" },
      referred: { email: "approvedandpaid@example.org" },
      campaignName: "Holiday 2025",
      source: "email",
      commissionAmountCents: 500,
      ledger: { pendingCents: 0, approvedCents: 300, paidCents: 200, reversedCents: 0, rejectedCents: 0 },
      usedAt: "2026-05-01T02:00:00.000Z",
    });
    expect(page.prevCursor).toBeNull();
    expect(page.nextCursor).toBeNull();
  });
});

describe("the page with its totals", () => {
  it("equals the page and the totals read apart, and reads no rows when the totals say none match", async () => {
    const view = async (raw: Record<string, string>) => {
      const resolved = await resolveReportFilters(testDb.db, search(raw));
      return recordStatements(() => getReportView(testDb.db, resolved));
    };
    const some = await view({ commission_status: "approved" });
    expect(some.result.page).toEqual(
      await getReportPage(testDb.db, search({ commission_status: "approved" })),
    );
    expect(some.result.totals).toEqual(
      await getReportTotals(testDb.db, filters({ commission_status: "approved" })),
    );
    expect(some.result.page.rows.length).toBeGreaterThan(0);

    const none = await view({ commission_status: "approved", source: "sms", flagged: "1" });
    expect(none.result.totals.referrals).toBe(0);
    expect(none.result.page).toEqual({ rows: [], prevCursor: null, nextCursor: null });
    expect(none.statements).toHaveLength(1); // the totals only
  });
});

describe("keyset pagination", () => {
  async function walk(
    base: Partial<ReferralReportSearch>,
  ): Promise<{ forward: number[]; backward: number[] }> {
    const state = { ...referralReportSearchSchema.parse({}), size: 25, ...base } as ReferralReportSearch;
    const forward: number[] = [];
    let page = await getReportPage(testDb.db, state);
    let guard = 0;
    for (;;) {
      forward.push(...page.rows.map((r) => r.id));
      if (!page.nextCursor || ++guard > 20) break;
      page = await getReportPage(testDb.db, { ...state, after: page.nextCursor });
    }
    const backward: number[] = [];
    page = await getReportPage(testDb.db, { ...state, before: "end" });
    guard = 0;
    for (;;) {
      backward.unshift(...page.rows.map((r) => r.id));
      if (!page.prevCursor || ++guard > 20) break;
      page = await getReportPage(testDb.db, { ...state, before: page.prevCursor });
    }
    return { forward, backward };
  }

  it("walks every row once, forwards and backwards, across timestamps shared by several rows", async () => {
    const { forward, backward } = await walk({});
    expect(forward).toEqual(allIds);
    expect(backward).toEqual(allIds);
  });

  it("sorts by commission in both directions, ties broken by id", async () => {
    const byCommission = rawRows<{ id: number }>(
      await testDb.db.execute(
        sql`SELECT id FROM referral_usage_log ORDER BY commission_amount_cents ASC, id ASC`,
      ),
    ).map((r) => Number(r.id));
    const asc = await walk({ sort: "commission", dir: "asc" });
    expect(asc.forward).toEqual(byCommission);
    expect(asc.backward).toEqual(byCommission);
    const desc = await walk({ sort: "commission", dir: "desc" });
    expect(desc.forward).toEqual([...byCommission].reverse());
  });

  it("keeps the filters while paging", async () => {
    const { forward } = await walk({ referrer: "maya" });
    expect(forward).toHaveLength(33);
    expect(new Set(forward).size).toBe(33);
  });
});

describe("the search schema", () => {
  it("the page drops what does not parse, names it, and keeps the rest", () => {
    const { search, ignored } = parseReportSearch({
      commission_status: "owed",
      start_date: "yesterday",
      referrer: "maya",
      after: ["2026-05-01T00:00:00Z~3", "x"],
    });
    expect(ignored.sort()).toEqual(["commission_status", "start_date"]);
    expect(search).toMatchObject({
      referrer: "maya",
      commission_status: "all",
      after: "2026-05-01T00:00:00Z~3",
    });
    expect(reportQueryString(search)).toBe("referrer=maya&after=2026-05-01T00%3A00%3A00Z%7E3");
  });

  it("refuses reversed ranges, unknown statuses and malformed cursors", () => {
    expect(
      referralReportFiltersSchema.safeParse({ start_date: "2026-05-02", end_date: "2026-05-01" }).success,
    ).toBe(false);
    expect(referralReportFiltersSchema.safeParse({ commission_status: "owed" }).success).toBe(false);
    expect(referralReportSearchSchema.safeParse({ after: "x'; DROP TABLE users" }).success).toBe(false);
    expect(referralReportSearchSchema.safeParse({ size: "1000" }).success).toBe(false);
    expect(referralReportSearchSchema.safeParse({ after: "2026-13-45T99:00:00Z~5" }).success).toBe(false);
    // Commission cents are bigint: ten digits are a real cursor, sixteen are not.
    expect(referralReportSearchSchema.safeParse({ after: "9999999999~5" }).success).toBe(true);
    expect(referralReportSearchSchema.safeParse({ after: "9999999999999999~5" }).success).toBe(false);
    expect(referralReportFiltersSchema.safeParse({ end_date: "9999-12-31" }).success).toBe(false);
    expect(referralReportSearchSchema.safeParse({ after: "2026-05-01T00:00:00.123456Z~5" }).success).toBe(
      true,
    );
    expect(referralReportFiltersSchema.parse({ start_date: "", flagged: "" })).toMatchObject({
      commission_status: "all",
      flagged: false,
    });
  });
});
