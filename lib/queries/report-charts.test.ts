import { beforeAll, describe, expect, it } from "vitest";
import { commissions, payments, referralClicks, referralCodes, referralUsageLog, users } from "@/db/schema";
import { useTestDatabase } from "@/testing/use-test-database";
import { referralReportFiltersSchema } from "@/lib/validation/referral-report";
import { chartRange, getReportCharts } from "./report-charts";

const testDb = useTestDatabase();
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  const db = testDb.db;
  const mk = async (email: string, name: string) =>
    (
      await db
        .insert(users)
        .values({ email, normalizedEmail: email, name, passwordHash: "x" })
        .returning({ id: users.id })
    )[0].id;
  const maya = await mk("maya@example.com", "Maya");
  const rose = await mk("rose@example.com", "Rose");
  const [mayaCode] = await db
    .insert(referralCodes)
    .values({ clientId: maya, code: "MAYA2025", canonicalCode: "MAYA2025" })
    .returning({ id: referralCodes.id });
  const [roseCode] = await db
    .insert(referralCodes)
    .values({ clientId: rose, code: "ROSEVIP", canonicalCode: "R0SEV1P" })
    .returning({ id: referralCodes.id });
  await db.insert(referralClicks).values([
    { referralCodeId: mayaCode.id, source: "link", clickedAt: at("2026-05-01T08:00:00Z") },
    { referralCodeId: mayaCode.id, source: "link", clickedAt: at("2026-05-02T08:00:00Z") },
    { referralCodeId: mayaCode.id, source: "qr", clickedAt: at("2026-05-03T23:59:00Z") },
    { referralCodeId: roseCode.id, source: "link", clickedAt: at("2026-05-02T08:00:00Z") },
    { referralCodeId: mayaCode.id, source: "link", clickedAt: at("2026-05-04T00:00:00Z") }, // outside
  ]);
  const signup = async (
    email: string,
    codeId: number,
    referrerId: number,
    usedAt: string,
    source: "link" | "qr",
  ) => {
    const id = await mk(email, email);
    const [row] = await db
      .insert(referralUsageLog)
      .values({
        referralCodeId: codeId,
        referrerUserId: referrerId,
        referredUserId: id,
        codeUsed: "X",
        source,
        usedAt: at(usedAt),
      })
      .returning({ id: referralUsageLog.id });
    return { userId: id, referralId: row.id };
  };
  const a = await signup("a@example.org", mayaCode.id, maya, "2026-05-01T09:00:00Z", "link");
  const b = await signup("b@example.org", mayaCode.id, maya, "2026-05-03T10:00:00Z", "qr");
  const c = await signup("c@example.org", roseCode.id, rose, "2026-05-02T10:00:00Z", "link");
  await signup("d@example.org", mayaCode.id, maya, "2026-04-30T23:59:59Z", "link"); // outside
  const [paid] = await db
    .insert(payments)
    .values({ userId: a.userId, externalId: "inv_a", amountCents: 3995 })
    .returning({ id: payments.id });
  await db.insert(payments).values({
    userId: b.userId,
    externalId: "re_b",
    type: "refund",
    amountCents: 100,
    refundOfPaymentId: paid.id,
  });
  const hold = at("2026-06-01T00:00:00Z");
  const [earning] = await db
    .insert(commissions)
    .values({
      beneficiaryUserId: maya,
      referralId: a.referralId,
      amountCents: 399,
      holdUntil: hold,
      createdAt: at("2026-05-02T12:00:00Z"),
    })
    .returning({ id: commissions.id });
  await db.insert(commissions).values([
    {
      beneficiaryUserId: maya,
      referralId: a.referralId,
      amountCents: -100,
      kind: "reversal",
      reversesCommissionId: earning.id,
      holdUntil: hold,
      createdAt: at("2026-05-02T13:00:00Z"),
    },
    {
      beneficiaryUserId: rose,
      referralId: c.referralId,
      amountCents: 700,
      status: "rejected",
      holdUntil: hold,
      createdAt: at("2026-05-02T12:00:00Z"),
    },
    {
      beneficiaryUserId: rose,
      referralId: c.referralId,
      amountCents: 250,
      holdUntil: hold,
      createdAt: at("2026-05-03T12:00:00Z"),
    },
  ]);
});

const filters = (raw: Record<string, string>) => referralReportFiltersSchema.parse(raw);

describe("getReportCharts", () => {
  it("buckets signups and net commissions per day, counts the funnel and the sources", async () => {
    const charts = await getReportCharts(
      testDb.db,
      filters({ start_date: "2026-05-01", end_date: "2026-05-03" }),
    );
    expect(charts.range).toMatchObject({ bucket: "day", defaulted: false });
    expect(charts.timeline).toEqual([
      { bucket: "2026-05-01", signups: 1, commissionCents: 0 },
      { bucket: "2026-05-02", signups: 1, commissionCents: 299 },
      { bucket: "2026-05-03", signups: 1, commissionCents: 250 },
    ]);
    // A refund is not a payment: only client a pays.
    expect(charts.funnel).toEqual({ clicks: 4, signups: 3, payingClients: 1 });
    expect(charts.bySource).toEqual([
      { source: "link", signups: 2 },
      { source: "qr", signups: 1 },
    ]);
  });

  it("follows the other filters: referrer and source narrow clicks, signups and commissions alike", async () => {
    const maya = await getReportCharts(
      testDb.db,
      filters({ start_date: "2026-05-01", end_date: "2026-05-03", referrer: "maya" }),
    );
    expect(maya.funnel).toEqual({ clicks: 3, signups: 2, payingClients: 1 });
    expect(maya.timeline.map((t) => t.commissionCents)).toEqual([0, 299, 0]);
    const qr = await getReportCharts(
      testDb.db,
      filters({ start_date: "2026-05-01", end_date: "2026-05-03", source: "qr" }),
    );
    expect(qr.funnel).toEqual({ clicks: 1, signups: 1, payingClients: 0 });
  });

  it("defaults to the last 30 days (today included), and widens the buckets for long ranges", () => {
    const now = at("2026-05-10T15:00:00Z");
    const d = chartRange(filters({}), now);
    expect(d).toMatchObject({ bucket: "day", defaulted: true });
    expect(d.toExclusive.toISOString()).toBe("2026-05-11T00:00:00.000Z");
    expect(d.from.toISOString()).toBe("2026-04-11T00:00:00.000Z");
    expect(chartRange(filters({ start_date: "2025-01-01", end_date: "2025-12-31" }), now).bucket).toBe(
      "week",
    );
    expect(chartRange(filters({ start_date: "2020-01-01", end_date: "2025-12-31" }), now).bucket).toBe(
      "month",
    );
  });
});
