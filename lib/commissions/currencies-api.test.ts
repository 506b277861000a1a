// Any currency over the API (issue 13 item 3): POST /api/payments takes a EUR payment and answers its
// commission in euro cents, refuses an unknown code naming it; GET /api/clients/:id/commissions shows each
// amount with its currency and the buckets per currency.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as commissionsGet } from "@/app/api/clients/[id]/commissions/route";
import { POST as paymentPost } from "@/app/api/payments/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { commissionFixtures } from "@/testing/commissions";
import { useTestDatabase } from "@/testing/use-test-database";

vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getSessionUser: async () => null,
}));

const testDb = useTestDatabase();
const f = commissionFixtures(() => testDb.db);
let apiKey = "";
beforeAll(async () => {
  apiKey = (await createApiKey(testDb.db, { name: "currency test" })).key;
});

function request(path: string, init: { method: string; body?: unknown }) {
  return new NextRequest(`http://localhost${path}`, {
    method: init.method,
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

describe("currencies over the API", () => {
  it("a EUR payment earns in euro cents; the referrer's commissions carry their currency", async () => {
    const { user: referrer, code } = await f.makeReferrer();
    const client = await f.referClient(code.code);
    const paid = await paymentPost(
      request("/api/payments", {
        method: "POST",
        body: { external_id: "inv_api_eur", user_id: client.userId, amount_cents: 3995, currency: "EUR" },
      }),
      { params: Promise.resolve({}) },
    );
    expect(paid.status).toBe(201);
    const { data: body } = (await paid.json()) as {
      data: { currency: string; commissions: { amount_cents: number; currency: string }[] };
    };
    expect(body.currency).toBe("eur");
    expect(body.commissions.map((c) => [c.amount_cents, c.currency])).toEqual([[399, "eur"]]);

    const read = await commissionsGet(request(`/api/clients/${referrer.id}/commissions`, { method: "GET" }), {
      params: Promise.resolve({ id: String(referrer.id) }),
    });
    expect(read.status).toBe(200);
    const { data: summary } = (await read.json()) as {
      data: {
        summary: { currency: string; total_commission_earned_cents: number };
        by_currency: { currency: string; earned: string; on_hold_cents: number }[];
        commissions: { amount: string; currency: string }[];
      };
    };
    // The usd summary holds no euro; the euro is under by_currency.
    expect(summary.summary).toMatchObject({ currency: "usd", total_commission_earned_cents: 0 });
    expect(summary.by_currency).toEqual([
      expect.objectContaining({ currency: "eur", earned: "3.99", on_hold_cents: 399 }),
    ]);
    expect(summary.commissions.map((c) => [c.amount, c.currency])).toEqual([["3.99", "eur"]]);
  });

  it("an unknown currency code is a 400 naming it", async () => {
    const client = await f.referClient((await f.makeReferrer()).code.code);
    const refused = await paymentPost(
      request("/api/payments", {
        method: "POST",
        body: { external_id: "inv_api_xyz", user_id: client.userId, amount_cents: 100, currency: "xyz" },
      }),
      { params: Promise.resolve({}) },
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/currency XYZ is not an ISO 4217 currency code/);
  });
});
