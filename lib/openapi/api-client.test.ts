// The API as an integration sees it: every call goes through the typed client generated from the
// OpenAPI document (testing/api-client.ts), into the real route handlers and a real database, and every
// answer is checked against what the document declares for that operation and status. Clients,
// referral codes and payments — the seed's integration surface — plus the signed-in client's own reads.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { createApiKey } from "@/lib/auth/api-keys";
import { commissionFixtures } from "@/testing/commissions";
import { apiClient, type ApiClient } from "@/testing/api-client";
import { useTestDatabase } from "@/testing/use-test-database";

// Outside a request there is no cookie: the test decides who is signed in; API keys resolve as usual.
let sessionUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getSessionUser: async () => sessionUser,
}));

const testDb = useTestDatabase();
const f = commissionFixtures(() => testDb.db);
let api: ApiClient;
const anonymous = apiClient();
const asUser = (user: { id: number; email: string; name: string; role: "admin" | "client" }) => {
  sessionUser = { ...user, mustChangePassword: false };
};

beforeAll(async () => {
  api = apiClient({ apiKey: (await createApiKey(testDb.db, { name: "openapi client test" })).key });
});

describe("clients", () => {
  it("POST /api/clients: 401 without credentials, 201 with an API key, 400 naming the bad fields", async () => {
    sessionUser = null;
    const refused = await anonymous.POST("/api/clients", {
      body: { name: "X", email: "x@example.org", business_type: "creator" },
    });
    expect(refused.response.status).toBe(401);
    expect(refused.error).toMatchObject({ success: false, code: "unauthorized" });

    const { referrer, code } = await (async () => {
      const r = await f.makeReferrer({ name: "Maya Ref" });
      return { referrer: r.user, code: r.code };
    })();
    const created = await api.POST("/api/clients", {
      body: {
        name: "Sarah Johnson",
        email: "sarah.openapi@example.org",
        business_type: "creator",
        referral_code: code.code,
      },
    });
    expect(created.response.status).toBe(201);
    expect(created.data?.data).toMatchObject({
      user_id: expect.any(Number),
      login_url: "/login?email=sarah.openapi%40example.org",
      referral_info: { code_used: code.code, referred_by: referrer.email },
    });

    const bad = await api.POST("/api/clients", {
      body: { email: "not-an-email" } as never, // a caller ignoring the types still gets a clear 400
    });
    expect(bad.response.status).toBe(400);
    expect(bad.error?.details).toEqual(
      expect.arrayContaining(["name: name is required", "business_type: business_type is required"]),
    );
  });
});

describe("referral codes", () => {
  it("create, list, update and validate a code; a client cannot touch another client's codes", async () => {
    const { user: owner } = await f.makeReferrer({ name: "Code Owner" });
    const params = { path: { id: String(owner.id) } };
    const created = await api.POST("/api/clients/{id}/referral-codes", {
      params,
      body: { custom_code: "OPENAPI-1", code_name: "Docs", usage_limit: 5 },
    });
    expect(created.response.status).toBe(201);
    const code = created.data!.data;
    expect(code).toMatchObject({ code: "OPENAPI-1", code_name: "Docs", usage_limit: 5, is_active: true });

    const listed = await api.GET("/api/clients/{id}/referral-codes", { params });
    expect(listed.data?.data.map((c) => c.code)).toContain("OPENAPI-1");

    const updated = await api.PATCH("/api/clients/{id}/referral-codes/{codeId}", {
      params: { path: { id: String(owner.id), codeId: String(code.id) } },
      body: { is_active: false },
    });
    expect(updated.data?.data.is_active).toBe(false);

    const check = await anonymous.GET("/api/referral-codes/validate/{code}", {
      params: { path: { code: "MAYA-NOPE-404" } },
    });
    expect(check.data).toMatchObject({ valid: false });

    const other = await f.makeUser();
    asUser({ ...other, role: "client" });
    const foreign = await anonymous.GET("/api/clients/{id}/referral-codes", { params });
    expect(foreign.response.status).toBe(403);
    sessionUser = null;
  });
});

describe("payments", () => {
  it("POST /api/payments: 201 with the commissions, the same external_id again 200 and nothing new", async () => {
    const { code } = await f.makeReferrer();
    const referred = await f.referClient(code.code);
    const body = {
      external_id: `inv_openapi_${referred.userId}`,
      user_id: referred.userId,
      amount_cents: 2999,
    };
    const first = await api.POST("/api/payments", { body });
    expect(first.response.status).toBe(201);
    expect(first.data?.data).toMatchObject({ amount_cents: 2999, type: "payment", currency: "usd" });
    expect(first.data?.data.commissions.length).toBeGreaterThan(0);

    const again = await api.POST("/api/payments", { body });
    expect(again.response.status).toBe(200);
    expect(again.data?.data.payment_id).toBe(first.data?.data.payment_id);

    const commissions = await api.GET("/api/clients/{id}/commissions", {
      params: { path: { id: String(code.clientId) }, query: { limit: "10" } },
    });
    expect(commissions.data?.data.commissions.map((c) => c.amount_cents)).toEqual(
      first.data?.data.commissions
        .filter((c) => c.beneficiary_user_id === code.clientId)
        .map((c) => c.amount_cents),
    );

    const refused = await api.POST("/api/payments", { body: { ...body, amount_cents: -5 } });
    expect(refused.response.status).toBe(400);
  });
});

describe("the signed-in client's own reads", () => {
  it("GET /api/me, /api/me/referrals, /api/rewards and /api/leaderboard", async () => {
    const { user, code } = await f.makeReferrer({ name: "Reader" });
    await f.referClient(code.code);
    asUser({ ...user, role: "client" });
    const me = await anonymous.GET("/api/me");
    expect(me.data?.data).toMatchObject({ type: "user", user_id: user.id });
    const mine = await anonymous.GET("/api/me/referrals", { params: { query: { per_page: 10 } } });
    expect(mine.data?.data.totals.referrals).toBe(1);
    const rewards = await anonymous.GET("/api/rewards");
    expect(rewards.data?.data.balance_points).toEqual(expect.any(Number));
    const board = await anonymous.GET("/api/leaderboard", { params: { query: { period: "all" } } });
    expect(board.data?.data.period).toBe("all");
    sessionUser = null;
    // An API key is not a client: /api/rewards is for the signed-in client only.
    expect((await api.GET("/api/rewards")).response.status).toBe(403);
  });
});

describe("webhooks out, embed tokens and password reset", () => {
  it("an admin integration subscribes a URL (secret once), lists it without the secret, and its deliveries", async () => {
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE_TARGETS", "1");
    sessionUser = null;
    const created = await api.POST("/api/webhook-endpoints", {
      body: { url: "http://127.0.0.1:9/hook", events: ["commission.created"], description: "OpenAPI test" },
    });
    expect(created.response.status).toBe(201);
    const endpoint = created.data!.data;
    expect(endpoint.secret).toMatch(/^whsec_/);
    const listed = await api.GET("/api/webhook-endpoints");
    const mine = listed.data!.data.find((e) => e.id === endpoint.id);
    expect(mine).toMatchObject({
      url: "http://127.0.0.1:9/hook",
      events: ["commission.created"],
      enabled: true,
    });
    expect(mine).not.toHaveProperty("secret");
    const deliveries = await api.GET("/api/webhook-endpoints/{id}/deliveries", {
      params: { path: { id: String(endpoint.id) } },
    });
    expect(deliveries.data!.data).toEqual([]);
    vi.unstubAllEnvs();
  });

  it("an embed token is issued to an API key only (an admin session gets 403)", async () => {
    const { user } = await f.makeReferrer({ name: "Embed Owner" });
    sessionUser = null;
    const issued = await api.POST("/api/embed-tokens", { body: { user_id: user.id } });
    expect(issued.response.status).toBe(201);
    expect(issued.data!.data).toMatchObject({
      user_id: user.id,
      url: expect.stringContaining("/embed/referrals?token=emt_"),
    });
    asUser({ id: 1, email: "admin@example.com", name: "Admin", role: "admin" });
    const bySession = await anonymous.POST("/api/embed-tokens", { body: { user_id: user.id } });
    expect(bySession.response.status).toBe(403);
    sessionUser = null;
  });

  it("a password reset request is 202 with the same body for any address; a bad token is a 400", async () => {
    sessionUser = null;
    const unknown = await anonymous.POST("/api/auth/password-reset", {
      body: { email: "nobody.openapi@example.org" },
    });
    expect(unknown.response.status).toBe(202);
    expect(unknown.data).toMatchObject({ success: true, data: { requested: true } });
    const confirm = await anonymous.POST("/api/auth/password-reset/confirm", {
      body: { token: "x".repeat(43), password: "a brand new passphrase 77" },
    });
    expect(confirm.response.status).toBe(400);
    expect(confirm.error).toMatchObject({ success: false, code: "token_invalid" });
  });
});
