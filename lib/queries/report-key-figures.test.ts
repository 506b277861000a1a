// The report's key figures come from the daily rollups; they must equal a recount of the facts for the
// period and for the period of the same length before it, under the same filters.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import { commissions, payments, referralClicks, referralCodes, referralUsageLog, users } from "@/db/schema";
import { referralReportFiltersSchema } from "@/lib/validation/referral-report";
import { useTestDatabase } from "@/testing/use-test-database";
import { getReportKeyFigures, previousPeriod, relativeChange } from "./report-key-figures";

const testDb = useTestDatabase();
const DAY = 86_400_000;
const BASE = Date.parse("2026-03-01T00:00:00Z");

beforeAll(async () => {
  const db = testDb.db;
  const mk = async (email: string) =>
    (
      await db
        .insert(users)
        .values({ email, normalizedEmail: email, name: email, passwordHash: "x" })
        .returning({ id: users.id })
    )[0].id;
  const maya = await mk("maya@example.com");
  const rose = await mk("rose@example.com");
  const codes = [];
  for (const [owner, code] of [
    [maya, "MAYA2026"],
    [rose, "ROSE2026"],
  ] as const) {
    const [c] = await db
      .insert(referralCodes)
      .values({ clientId: owner, code, canonicalCode: code.replace(/O/g, "0") })
      .returning({ id: referralCodes.id });
    codes.push({ id: c.id, owner });
  }
  // 20 days: a few clicks and signups a day (more in the second half), some paying, some commissions.
  for (let day = 0; day < 20; day++) {
    for (let k = 0; k < 1 + ((day * 7) % 5); k++) {
      const code = codes[(day + k) % 2];
      await db.insert(referralClicks).values({
        referralCodeId: code.id,
        source: k % 2 ? "qr" : "link",
        clickedAt: new Date(BASE + day * DAY + k * 3_600_000),
      });
    }
    const signups = (day >= 10 ? 2 : 1) + (day % 3 === 0 ? 1 : 0);
    for (let k = 0; k < signups; k++) {
      const code = codes[(day + k) % 2];
      const referred = await mk(`c${day}-${k}@example.org`);
      const [r] = await db
        .insert(referralUsageLog)
        .values({
          referralCodeId: code.id,
          referrerUserId: code.owner,
          referredUserId: referred,
          codeUsed: "X",
          source: k % 2 ? "qr" : "link",
          usedAt: new Date(BASE + day * DAY + (k + 1) * 3_600_000 + 17),
        })
        .returning({ id: referralUsageLog.id });
      if ((day + k) % 3 === 0) {
        await db
          .insert(payments)
          .values({ userId: referred, externalId: `inv_${day}_${k}`, amountCents: 3995 });
        await db.insert(commissions).values({
          beneficiaryUserId: code.owner,
          referralId: r.id,
          amountCents: 399 + day,
          holdUntil: new Date(BASE + 60 * DAY),
          status: day % 4 === 0 ? "rejected" : "pending",
          createdAt: new Date(BASE + day * DAY + 20 * 3_600_000),
        });
      }
    }
  }
});

/** The figures counted straight from the facts, for `[from, to)`. */
async function recount(from: Date, to: Date, referrer?: number) {
  const who = referrer ? sql`AND l.referrer_user_id = ${referrer}` : sql``;
  const [row] = rowsAs(
    await testDb.db.execute(sql`
      SELECT (SELECT count(*) FROM referral_clicks k JOIN referral_codes rc ON rc.id = k.referral_code_id
               WHERE k.clicked_at >= ${from.toISOString()}::timestamptz AND k.clicked_at < ${to.toISOString()}::timestamptz
                 ${referrer ? sql`AND rc.client_id = ${referrer}` : sql``})::int AS clicks,
             (SELECT count(*) FROM referral_usage_log l
               WHERE l.used_at >= ${from.toISOString()}::timestamptz AND l.used_at < ${to.toISOString()}::timestamptz ${who})::int AS signups,
             (SELECT count(*) FROM referral_usage_log l
               WHERE l.used_at >= ${from.toISOString()}::timestamptz AND l.used_at < ${to.toISOString()}::timestamptz ${who}
                 AND EXISTS (SELECT 1 FROM payments p WHERE p.user_id = l.referred_user_id AND p.type = 'payment'))::int AS paying,
             (SELECT COALESCE(sum(c.amount_cents), 0) FROM commissions c JOIN referral_usage_log l ON l.id = c.referral_id
               WHERE c.status <> 'rejected' AND c.currency = 'usd' AND c.created_at >= ${from.toISOString()}::timestamptz
                 AND c.created_at < ${to.toISOString()}::timestamptz ${who})::int AS cents,
             (SELECT coalesce(json_agg(o ORDER BY o.currency), '[]'::json) FROM (
                SELECT c.currency, sum(c.amount_cents)::int AS cents
                  FROM commissions c JOIN referral_usage_log l ON l.id = c.referral_id
                 WHERE c.status <> 'rejected' AND c.currency <> 'usd' AND c.created_at >= ${from.toISOString()}::timestamptz
                   AND c.created_at < ${to.toISOString()}::timestamptz ${who}
                 GROUP BY c.currency HAVING sum(c.amount_cents) <> 0) o) AS others`),
    z.object({
      clicks: col.int,
      signups: col.int,
      paying: col.int,
      cents: col.int,
      others: col.json(z.array(z.object({ currency: z.string(), cents: z.number() }))),
    }),
  );
  return {
    clicks: row.clicks,
    signups: row.signups,
    payingClients: row.paying,
    commissionCents: row.cents,
    otherCommissions: row.others,
  };
}

const filters = (raw: Record<string, string>) => referralReportFiltersSchema.parse(raw);

describe("getReportKeyFigures", () => {
  it("the period and the one of the same length before it equal a recount of the facts", async () => {
    const figures = await getReportKeyFigures(
      testDb.db,
      filters({ start_date: "2026-03-11", end_date: "2026-03-20" }),
    );
    expect(figures.period).toEqual({
      from: "2026-03-11T00:00:00.000Z",
      toExclusive: "2026-03-21T00:00:00.000Z",
      defaulted: false,
    });
    expect(figures.previousPeriod).toEqual({
      from: "2026-03-01T00:00:00.000Z",
      toExclusive: "2026-03-11T00:00:00.000Z",
    });
    expect(figures.current).toEqual(await recount(new Date(BASE + 10 * DAY), new Date(BASE + 20 * DAY)));
    expect(figures.previous).toEqual(await recount(new Date(BASE), new Date(BASE + 10 * DAY)));
    expect(figures.current.signups).toBeGreaterThan(figures.previous.signups);
    expect(figures.current.commissionCents).toBeGreaterThan(0);
  });

  it("follows the filters in both periods, partial days included", async () => {
    const [maya] = rowsAs(
      await testDb.db.execute(sql`SELECT id FROM users WHERE email = 'maya@example.com'`),
      z.object({ id: col.int }),
    );
    const figures = await getReportKeyFigures(
      testDb.db,
      filters({ start_date: "2026-03-12T06:00:00Z", end_date: "2026-03-17T05:59:59.999Z", referrer: "maya" }),
    );
    const from = new Date("2026-03-12T06:00:00Z");
    const to = new Date("2026-03-17T06:00:00Z");
    expect(figures.current).toEqual(await recount(from, to, maya.id));
    const before = previousPeriod({ from, toExclusive: to });
    expect(figures.previous).toEqual(await recount(before.from, before.toExclusive, maya.id));
  });

  it("defaults to the rolling 30 days, today included", async () => {
    const now = new Date("2026-03-20T15:00:00Z");
    const figures = await getReportKeyFigures(testDb.db, filters({}), now);
    expect(figures.period).toEqual({
      from: "2026-02-19T00:00:00.000Z",
      toExclusive: "2026-03-21T00:00:00.000Z",
      defaulted: true,
    });
    expect(figures.current).toEqual(
      await recount(new Date("2026-02-19T00:00:00Z"), new Date("2026-03-21T00:00:00Z")),
    );
  });
});

describe("relativeChange", () => {
  it("is a ratio, and null when the previous period had none", () => {
    expect(relativeChange(76, 68)).toBeCloseTo(0.1176, 4);
    expect(relativeChange(0, 10)).toBe(-1);
    expect(relativeChange(5, 0)).toBeNull();
    expect(relativeChange(0, 0)).toBeNull();
  });
});
