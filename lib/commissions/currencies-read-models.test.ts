// Any currency in the per-referral and report read models (issue 13 item 3): a referral paid in euros, one
// in yen and one in euros and dollars show their real commission in /api/me/referrals, the referral
// export (JSON and CSV), the admin report's totals, rows and key figures and the referral-analytics API —
// each equal to the ledger, per currency, never added across currencies.
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as myReferralsGet } from "@/app/api/me/referrals/route";
import { GET as exportGet } from "@/app/api/admin/referral-export/route";
import { GET as analyticsGet } from "@/app/api/clients/[id]/referral-analytics/route";
import type { SessionUser } from "@/lib/auth/session";
import { createApiKey } from "@/lib/auth/api-keys";
import { centsToDecimal } from "@/lib/format";
import { getReportPage, getReportTotals } from "@/lib/queries/referral-report";
import { getReportKeyFigures } from "@/lib/queries/report-key-figures";
import { getTopReferrers } from "@/lib/queries/report-charts";
import { referralReportSearchSchema } from "@/lib/validation/referral-report";
import { findRollupMismatches } from "@/lib/referrals/rollup-mismatches";
import { commissionFixtures } from "@/testing/commissions";
import { rawRows, useTestDatabase } from "@/testing/use-test-database";

let sessionUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getSessionUser: async () => sessionUser,
}));

const testDb = useTestDatabase();
const f = commissionFixtures(() => testDb.db);
let apiKey = "";
let referrer: { id: number; email: string; name: string };
const referrals: Record<"eur" | "jpy" | "mixed" | "usd", number> = { eur: 0, jpy: 0, mixed: 0, usd: 0 };

const get = (path: string, auth = true) =>
  new NextRequest(`http://localhost${path}`, {
    headers: auth ? { authorization: `Bearer ${apiKey}` } : {},
  });
const noParams = { params: Promise.resolve({}) };

/** Each referral's direct commission per currency straight from the ledger (earned bucket). */
async function ledger(): Promise<Map<number, { currency: string; cents: number }[]>> {
  const rows = rawRows<{ referral_id: number; currency: string; cents: number }>(
    await testDb.db.execute(sql`
      SELECT referral_id::int, currency, sum(amount_cents)::int AS cents FROM commissions
       WHERE level = 'direct' AND status <> 'rejected' AND referral_id IS NOT NULL
       GROUP BY 1, 2 HAVING sum(amount_cents) <> 0 ORDER BY 1, currency <> 'usd', currency`),
  );
  const out = new Map<number, { currency: string; cents: number }[]>();
  for (const r of rows)
    out.set(r.referral_id, [...(out.get(r.referral_id) ?? []), { currency: r.currency, cents: r.cents }]);
  return out;
}

beforeAll(async () => {
  apiKey = (await createApiKey(testDb.db, { name: "currency read models" })).key;
  const made = await f.makeReferrer();
  referrer = made.user;
  const eur = await f.referClient(made.code.code);
  const jpy = await f.referClient(made.code.code);
  const mixed = await f.referClient(made.code.code);
  const usd = await f.referClient(made.code.code);
  Object.assign(referrals, {
    eur: eur.referralId,
    jpy: jpy.referralId,
    mixed: mixed.referralId,
    usd: usd.referralId,
  });
  await f.pay(eur.userId, 3995, { currency: "eur" });
  await f.pay(jpy.userId, 5009, { currency: "jpy" });
  await f.pay(mixed.userId, 2000, { currency: "eur", externalId: "mixed_eur" });
  await f.pay(mixed.userId, 1000, { currency: "usd" });
  // A partial refund of the euro payment takes back part of its commission, in euros.
  await f.pay(mixed.userId, 500, { currency: "eur", type: "refund", refundOf: "mixed_eur" });
  await f.pay(usd.userId, 3995);
});

describe("per-currency read models equal the ledger", () => {
  it("holds the worked amounts: 399 EUR cents, 10% of ¥5,009 floored once", async () => {
    const l = await ledger();
    expect(l.get(referrals.eur)).toEqual([{ currency: "eur", cents: 399 }]);
    expect(l.get(referrals.jpy)).toEqual([{ currency: "jpy", cents: 500 }]);
    expect(l.get(referrals.mixed)?.map((a) => a.currency)).toEqual(["usd", "eur"]);
    expect(await findRollupMismatches(testDb.db)).toEqual([]);
  });

  it("GET /api/me/referrals: each referral's commission_by_currency and the totals per currency", async () => {
    sessionUser = { ...referrer, role: "client", mustChangePassword: false };
    const res = await myReferralsGet(get("/api/me/referrals?per_page=50", false), noParams);
    sessionUser = null;
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as {
      data: {
        totals: {
          commission_earned_cents: number;
          commission_by_currency: { currency: string; amount_cents: number }[];
        };
        referrals: {
          id: number;
          commission_earned_cents: number;
          commission_by_currency: { currency: string; amount: string; amount_cents: number }[];
        }[];
      };
    };
    const l = await ledger();
    for (const r of data.referrals) {
      const expected = l.get(r.id) ?? [];
      expect(r.commission_by_currency, `referral ${r.id}`).toEqual(
        expected.map((a) => ({
          currency: a.currency,
          amount: centsToDecimal(a.cents, a.currency),
          amount_cents: a.cents,
        })),
      );
      expect(r.commission_earned_cents).toBe(expected.find((a) => a.currency === "usd")?.cents ?? 0);
    }
    const sums = new Map<string, number>();
    for (const list of l.values())
      for (const a of list) sums.set(a.currency, (sums.get(a.currency) ?? 0) + a.cents);
    expect(data.totals.commission_by_currency.map((a) => [a.currency, a.amount_cents])).toEqual([
      ["usd", sums.get("usd")],
      ["eur", sums.get("eur")],
      ["jpy", sums.get("jpy")],
    ]);
    expect(data.referrals.find((r) => r.id === referrals.jpy)!.commission_by_currency).toEqual([
      { currency: "jpy", amount: "500", amount_cents: 500 },
    ]);
  });

  it("the export (JSON and CSV) writes each referral's other currencies beside its usd amount", async () => {
    const l = await ledger();
    const other = (id: number) =>
      (l.get(id) ?? [])
        .filter((a) => a.currency !== "usd")
        .map((a) => `${a.currency.toUpperCase()} ${centsToDecimal(a.cents, a.currency)}`)
        .join("; ") || null;
    const json = (await (
      await exportGet(get("/api/admin/referral-export?format=json"), noParams)
    ).json()) as {
      data: {
        referrals: {
          referral_id: number;
          commission_amount: string;
          commission_other_currencies: string | null;
        }[];
      };
    };
    const mine = json.data.referrals.filter((r) => Object.values(referrals).includes(r.referral_id));
    expect(mine).toHaveLength(4);
    for (const r of mine) {
      expect(r.commission_other_currencies, `referral ${r.referral_id}`).toBe(other(r.referral_id));
    }
    expect(mine.find((r) => r.referral_id === referrals.eur)!.commission_other_currencies).toBe("EUR 3.99");
    expect(mine.find((r) => r.referral_id === referrals.mixed)!.commission_other_currencies).toBe("EUR 1.50");

    const csv = parse(
      await (await exportGet(get("/api/admin/referral-export?format=csv"), noParams)).text(),
      {
        bom: true,
      },
    ) as string[][];
    const [header, ...rows] = csv;
    const id = header.indexOf("referral_id");
    const others = header.indexOf("commission_other_currencies");
    for (const row of rows.filter((r) => Object.values(referrals).includes(Number(r[id])))) {
      expect(row[others]).toBe(other(Number(row[id])) ?? "");
    }
  });

  it("the admin report: totals, rows and key figures per currency", async () => {
    const all = { commission_status: "all", flagged: false } as const;
    const totals = await getReportTotals(testDb.db, all);
    const [eur] = rawRows<{ cents: number }>(
      await testDb.db.execute(sql`SELECT sum(amount_cents)::int AS cents FROM commissions
                                   WHERE currency = 'eur' AND level = 'direct' AND status <> 'rejected'`),
    );
    expect(totals.otherCurrencies.map((c) => [c.currency, c.netCents, c.pendingCents])).toEqual([
      ["eur", eur.cents, eur.cents],
      ["jpy", 500, 500],
    ]);
    const page = await getReportPage(testDb.db, referralReportSearchSchema.parse({ size: "50" }));
    const l = await ledger();
    for (const row of page.rows) {
      expect(row.otherCurrencies, `referral ${row.id}`).toEqual(
        (l.get(row.id) ?? []).filter((a) => a.currency !== "usd"),
      );
      expect(row.commissionAmountCents).toBe(l.get(row.id)?.find((a) => a.currency === "usd")?.cents ?? 0);
    }
    const figures = await getReportKeyFigures(testDb.db, all);
    // Every level, written in the period (today): here the direct rows only.
    expect(figures.current.otherCommissions).toEqual([
      { currency: "eur", cents: eur.cents },
      { currency: "jpy", cents: 500 },
    ]);
  });

  it("GET /api/clients/:id/referral-analytics: the summary's other currencies and each referral's", async () => {
    const res = await analyticsGet(get(`/api/clients/${referrer.id}/referral-analytics`), {
      params: Promise.resolve({ id: String(referrer.id) }),
    });
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as {
      data: {
        summary: {
          total_commission_earned: string;
          other_currencies: { currency: string; total_commission_earned: string }[];
        };
        recent_referrals: { commission_by_currency: { currency: string; amount_cents: number }[] }[];
      };
    };
    const l = await ledger();
    const sum = (currency: string) =>
      [...l.values()]
        .flat()
        .filter((a) => a.currency === currency)
        .reduce((n, a) => n + a.cents, 0);
    expect(data.summary.total_commission_earned).toBe(centsToDecimal(sum("usd")));
    expect(data.summary.other_currencies.map((c) => [c.currency, c.total_commission_earned])).toEqual([
      ["eur", centsToDecimal(sum("eur"), "eur")],
      ["jpy", "500"],
    ]);
    expect(
      data.recent_referrals
        .map((r) => r.commission_by_currency.map((a) => [a.currency, a.amount_cents]))
        .sort(),
    ).toEqual([...l.values()].map((list) => list.map((a) => [a.currency, a.cents])).sort());
  });

  // Hand-counted (10% of each payment, floored once, no conversion): usd 100 (mixed) + 399 = $4.99;
  // eur 399 + 200 − 50 (the partial refund) = €5.49; ¥500. All written today, on the referrer's one code.
  const usd = 499;
  const eur = 549;
  const jpy = 500;

  it("the analytics API's per-code commission: every currency the code earned in, usd first", async () => {
    const res = await analyticsGet(get(`/api/clients/${referrer.id}/referral-analytics`), {
      params: Promise.resolve({ id: String(referrer.id) }),
    });
    const { data } = (await res.json()) as {
      data: {
        codes: {
          total_commission_earned: string;
          commission_by_currency: { currency: string; amount: string; amount_cents: number }[];
        }[];
      };
    };
    expect(data.codes).toHaveLength(1);
    expect(data.codes[0].total_commission_earned).toBe("4.99"); // the existing key stays usd
    expect(data.codes[0].commission_by_currency).toEqual([
      { currency: "usd", amount: "4.99", amount_cents: usd },
      { currency: "eur", amount: "5.49", amount_cents: eur },
      { currency: "jpy", amount: "500", amount_cents: jpy },
    ]);
  });

  it("the monthly report (dashboard and API): the month's other currencies by bucket, beside usd", async () => {
    const month = new Date().toISOString().slice(0, 7);
    const res = await analyticsGet(
      get(`/api/clients/${referrer.id}/referral-analytics?period=monthly&month=${month}`),
      { params: Promise.resolve({ id: String(referrer.id) }) },
    );
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as {
      data: { commission_earned: string; commission_on_hold: string; other_currencies: unknown[] };
    };
    expect(data.commission_earned).toBe("4.99");
    expect(data.commission_on_hold).toBe("4.99");
    expect(data.other_currencies).toEqual([
      {
        currency: "eur",
        commission_earned: "5.49",
        commission_pending: "5.49",
        commission_on_hold: "5.49",
        commission_approved: "0.00",
      },
      {
        currency: "jpy",
        commission_earned: "500",
        commission_pending: "500",
        commission_on_hold: "500",
        commission_approved: "0",
      },
    ]);
    // The month before holds none of it.
    const [y, m] = month.split("-").map(Number);
    const before = new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
    const previous = await analyticsGet(
      get(`/api/clients/${referrer.id}/referral-analytics?period=monthly&month=${before}`),
      { params: Promise.resolve({ id: String(referrer.id) }) },
    );
    expect(
      ((await previous.json()) as { data: { other_currencies: unknown[] } }).data.other_currencies,
    ).toEqual([]);
  });

  it("the admin report's top referrers: commission and average per referral in each currency", async () => {
    const top = (await getTopReferrers(testDb.db, new Date())).find((r) => r.userId === referrer.id);
    expect(top).toMatchObject({
      referrals: 4,
      totalCommissionCents: usd,
      avgCommissionCents: Math.round(usd / 4),
      otherCurrencies: [
        { currency: "eur", cents: eur, avgCents: Math.round(eur / 4) },
        { currency: "jpy", cents: jpy, avgCents: jpy / 4 },
      ],
    });
  });
});
