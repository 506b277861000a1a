// Hostile values at the HTTP edge, through the real route handlers on a real database: each is a 400
// naming the field, and nothing is written. Before the field vocabulary these reached PostgreSQL and
// came back as 500s (a NUL in text, an id past int4, an end date rolling into year 10000).
import { count } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportGet } from "@/app/api/admin/referral-export/route";
import { POST as createClientPost } from "@/app/api/clients/route";
import { POST as paymentPost } from "@/app/api/payments/route";
import { payments, users } from "@/db/schema";
import { useTestDatabase } from "@/testing/use-test-database";
import { createApiKey } from "@/lib/auth/api-keys";

// No session outside a request: API keys are resolved from the database as usual.
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getSessionUser: async () => null,
}));

const testDb = useTestDatabase();
let apiKey = "";

beforeAll(async () => {
  apiKey = (await createApiKey(testDb.db, { name: "hostile input test" })).key;
});

const NUL = "\u0000";
const context = { params: Promise.resolve({}) };

function post(handler: typeof createClientPost, path: string, body: unknown) {
  const req = new NextRequest(`http://localhost${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return handler(req, context);
}

async function rowCount(table: typeof users | typeof payments) {
  const [row] = await testDb.db.select({ n: count() }).from(table);
  return row.n;
}

async function expect400(response: Response, detail: RegExp) {
  const text = await response.text();
  expect(response.status, text).toBe(400);
  const body = JSON.parse(text) as { success: boolean; details: string[] };
  expect(body.success).toBe(false);
  expect(body.details.join(" | ")).toMatch(detail);
  // The caller learns which field, never how the database reacted.
  expect(text).not.toMatch(/postgres|sql|stack|at \w+ \(/i);
}

const client = (n: number, extra: Record<string, unknown> = {}) => ({
  name: `Hostile ${n}`,
  email: `hostile${n}@example.com`,
  business_type: "creator",
  ...extra,
});

describe("POST /api/clients with hostile fields", () => {
  it("a well-formed body is created (so the refusals below are the schema's)", async () => {
    const response = await post(createClientPost, "/api/clients", client(0));
    expect(response.status, await response.clone().text()).toBe(201);
  });

  it.each([
    ["name", { name: `Ma${NUL}ya` }, /name: name must not contain control characters/],
    [
      "description",
      { description: `About${NUL}` },
      /description: description must not contain control characters/,
    ],
    [
      "business_type",
      { business_type: `creator${NUL}` },
      /business_type: business_type must not contain control/,
    ],
    ["client_type", { client_type: `${NUL}muse_owned` }, /client_type: client_type must not contain control/],
    ["e-mail", { email: `a${NUL}@example.com` }, /email: /],
    [
      "referral_code",
      { referral_code: `MAYA${NUL}` },
      /referral_code: Referral code must not contain control/,
    ],
    ["ai_config", { ai_config: { prompt: `x${NUL}` } }, /ai_config: ai_config must not contain NUL/],
    [
      "region_id",
      { region_id: 2_147_483_648 },
      /region_id: region_id must be a whole number from 1 to 2147483647/,
    ],
    ["template_id", { template_id: 2_147_483_648 }, /template_id: template_id must be a whole number from 1/],
    [
      "subscription_tier_id",
      { subscription_tier_id: 2_147_483_648 },
      /subscription_tier_id: subscription_tier_id/,
    ],
  ])("%s → 400 with the field named, nothing written", async (_field, extra, detail) => {
    const before = await rowCount(users);
    await expect400(await post(createClientPost, "/api/clients", client(1, extra)), detail);
    expect(await rowCount(users)).toBe(before);
  });
});

describe("POST /api/payments with hostile fields", () => {
  it.each([
    [
      "external_id",
      { external_id: `inv${NUL}1` },
      /external_id: external_id must not contain control characters/,
    ],
    [
      "refund_of",
      { type: "refund", refund_of: `inv${NUL}` },
      /refund_of: refund_of must not contain control/,
    ],
    ["user_id", { user_id: 2_147_483_648 }, /user_id: user_id is out of range/],
    ["amount_cents", { amount_cents: 1e13 }, /amount_cents: amount_cents must be at most/],
    // Any ISO 4217 currency is accepted; an unknown code is named.
    ["currency", { currency: "XYZ" }, /currency: currency XYZ is not an ISO 4217 currency code/],
    [
      "occurred_at",
      { occurred_at: "9999-12-31T00:00:00Z" },
      /occurred_at: occurred_at must be an ISO date-time/,
    ],
  ])("%s → 400, nothing written", async (_field, extra, detail) => {
    const before = await rowCount(payments);
    const body = { external_id: "inv_hostile", user_id: 1, amount_cents: 3995, ...extra };
    await expect400(await post(paymentPost, "/api/payments", body), detail);
    expect(await rowCount(payments)).toBe(before);
  });
});

describe("GET /api/admin/referral-export with far dates", () => {
  it.each([
    "end_date=9999-12-31",
    "start_date=1900-01-01",
    "end_date=2101-01-01T00:00:00Z",
    `referrer=a${NUL}b`,
  ])("%s → 400", async (query) => {
    const req = new NextRequest(`http://localhost/api/admin/referral-export?${encodeURI(query)}`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    const detail = query.startsWith("referrer")
      ? /referrer must not contain control/
      : /between 2000 and 2100/;
    await expect400(await exportGet(req, context), detail);
  });

  it("the last day of 2100 is still a date", async () => {
    const req = new NextRequest(
      "http://localhost/api/admin/referral-export?end_date=2100-12-31&format=json",
      {
        headers: { authorization: `Bearer ${apiKey}` },
      },
    );
    expect((await exportGet(req, context)).status).toBe(200);
  });
});
