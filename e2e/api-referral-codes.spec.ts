// Request specs for the referral-code API: the public validate endpoint, and the code list as a
// signed-in client sees it (session from the login form, shared with `page.request`). The code list and
// its changes go through the typed client generated from the OpenAPI document (e2e/support/api-client.ts),
// which also checks every answer against the document.
import { expect, test } from "@playwright/test";
import { LoginPage, MAYA_EMAIL } from "./pages/login-page";
import { apiClient } from "./support/api-client";

const validate = (code: string) => `/api/referral-codes/validate/${encodeURIComponent(code)}`;

test.describe("GET /api/referral-codes/validate/:code", () => {
  test("a stranger learns only that the code works and whose it is: no volume, no e-mail", async ({
    request,
  }) => {
    const response = await request.get(validate("MAYA2025"));
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toEqual({ valid: true, data: { code: "MAYA2025", referrer_name: "Maya" } });
    expect(JSON.stringify(body)).not.toMatch(/usage_count|@example\.com/);
  });

  test("the code's owner (and an admin) also see its usage and the masked e-mail", async ({ page }) => {
    await new LoginPage(page).signInAs(MAYA_EMAIL);
    const body = await (await page.request.get(validate("MAYA2025"))).json();
    expect(body).toEqual({
      valid: true,
      data: {
        code: "MAYA2025",
        code_name: "Maya VIP Code",
        referrer_email: "m***@example.com",
        referrer_name: "Maya",
        usage_count: expect.any(Number),
        usage_limit: null,
        expires_at: null,
      },
    });
    expect(JSON.stringify(body)).not.toContain("maya@example.com");
  });

  test("another signed-in client is a stranger to Maya's code", async ({ page }) => {
    await new LoginPage(page).signInAs("sarah@example.com");
    const body = await (await page.request.get(validate("MAYA2025"))).json();
    expect(body).toEqual({ valid: true, data: { code: "MAYA2025", referrer_name: "Maya" } });
  });

  test("the canonical form finds the code whatever the spelling", async ({ request }) => {
    for (const typed of ["maya2o25", "MAYA-2025", "Maya 2025"]) {
      const body = await (await request.get(validate(typed))).json();
      expect(body).toMatchObject({ valid: true, data: { code: "MAYA2025" } });
    }
  });

  test("an unknown code and a badly formed one: 200 with valid false and the spec's message", async ({
    request,
  }) => {
    const unknown = await request.get(validate("NOSUCH99"));
    expect(unknown.status()).toBe(200);
    expect(await unknown.json()).toEqual({ valid: false, error: "Referral code not found or inactive" });

    const malformed = await request.get(validate("AB_1"));
    expect(malformed.status()).toBe(200);
    expect(await malformed.json()).toEqual({ valid: false, error: "Invalid code format" });
  });

  test("too many attempts from one address: 429 with Retry-After; other addresses are unaffected", async ({
    request,
  }) => {
    // An address of its own (TEST-NET-3), so this spec never eats the budget of the others.
    const attacker = { "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 250) + 1}` };
    let allowed = 0;
    let refused: Awaited<ReturnType<typeof request.get>> | undefined;
    for (let i = 0; i < 500 && !refused; i++) {
      const response = await request.get(validate(`GUESS${String(i).padStart(3, "2")}`), {
        headers: attacker,
      });
      if (response.status() === 429) refused = response;
      else {
        expect(response.status()).toBe(200);
        allowed++;
      }
    }
    expect(allowed).toBeGreaterThan(0);
    expect(refused?.status(), "no 429 within 500 attempts").toBe(429);
    const retryAfter = Number(refused!.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused!.json()).toEqual({
      valid: false,
      error: `Too many attempts. Try again in ${retryAfter} seconds.`,
    });

    const neighbour = await request.get(validate("MAYA2025"), {
      headers: { "x-forwarded-for": "198.51.100.7" },
    });
    expect(neighbour.status()).toBe(200);
  });
});

test.describe("GET /api/clients/:id/referral-codes as Maya", () => {
  test("lists her codes with usage counted from the log; another client's id is 403", async ({
    page,
    baseURL,
  }) => {
    await new LoginPage(page).signInAs(MAYA_EMAIL);
    const api = apiClient(page.request, baseURL!);
    const me = (await api.GET("/api/me")).data!.data;
    if (me.type !== "user") throw new Error("expected a user");
    const mayaId = me.user_id;

    const { data, response } = await api.GET("/api/clients/{id}/referral-codes", {
      params: { path: { id: String(mayaId) } },
    });
    expect(response.status).toBe(200);
    expect(data!.success).toBe(true);
    const maya2025 = data!.data.find((c) => c.code === "MAYA2025")!;
    expect(maya2025).toMatchObject({
      code: "MAYA2025",
      code_name: "Maya VIP Code",
      is_active: true,
      total_commission_earned: expect.stringMatching(/^\d+\.\d{2}$/),
    });
    expect(maya2025.usage_count).toBeGreaterThan(0);
    expect(maya2025.actual_usage_count).toBe(maya2025.usage_count);
    expect(maya2025.eligible_referrals).toBeLessThanOrEqual(maya2025.actual_usage_count);

    for (const otherId of [mayaId + 1, 999_999]) {
      const other = await api.GET("/api/clients/{id}/referral-codes", {
        params: { path: { id: String(otherId) } },
      });
      expect(other.response.status).toBe(403);
      expect(other.error).toMatchObject({ success: false });
    }

    const garbage = await api.GET("/api/clients/{id}/referral-codes", { params: { path: { id: "abc" } } });
    expect(garbage.response.status).toBe(400);
  });

  test("anonymous callers get 401", async ({ request, baseURL }) => {
    const anonymous = apiClient(request, baseURL!);
    const { response } = await anonymous.GET("/api/clients/{id}/referral-codes", {
      params: { path: { id: "1" } },
    });
    expect(response.status).toBe(401);
  });
});

test.describe("creating and changing codes as Sarah", () => {
  test("suggestions → create → duplicate refused → deactivate", async ({ page, baseURL }) => {
    await new LoginPage(page).signInAs("sarah@example.com");
    const api = apiClient(page.request, baseURL!);
    const me = (await api.GET("/api/me")).data!.data;
    if (me.type !== "user") throw new Error("expected a user");
    const path = { id: String(me.user_id) };

    const suggested = await api.POST("/api/clients/{id}/referral-codes/suggestions", { params: { path } });
    expect(suggested.response.status).toBe(200);
    const { success, suggestions } = suggested.data!;
    expect(success).toBe(true);
    expect(suggestions).toHaveLength(5);
    expect(new Set(suggestions).size).toBe(5);

    const pick = suggestions[suggestions.length - 1];
    const created = await api.POST("/api/clients/{id}/referral-codes", {
      params: { path },
      body: { custom_code: pick, code_name: "E2E code", usage_limit: 5, expires_at: "2099-12-31" },
    });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({
      success: true,
      message: "Referral code created successfully",
      data: {
        code: pick,
        code_name: "E2E code",
        usage_limit: 5,
        usage_count: 0,
        is_active: true,
        expires_at: "2099-12-31T23:59:59.999Z",
      },
    });

    const duplicate = await api.POST("/api/clients/{id}/referral-codes", {
      params: { path },
      body: { custom_code: pick.toLowerCase() },
    });
    expect(duplicate.response.status).toBe(400);
    expect(duplicate.error).toMatchObject({ success: false, error: `Code "${pick}" is already taken` });

    const badFormat = await api.POST("/api/clients/{id}/referral-codes", {
      params: { path },
      body: { custom_code: "NO_WAY" },
    });
    expect(badFormat.response.status).toBe(400);
    expect(badFormat.error).toMatchObject({ error: "Invalid code format", details: expect.any(Array) });

    const codePath = { ...path, codeId: String(created.data!.data.id) };
    const deactivated = await api.PATCH("/api/clients/{id}/referral-codes/{codeId}", {
      params: { path: codePath },
      body: { is_active: false },
    });
    expect(deactivated.response.status).toBe(200);
    expect(deactivated.data!.data).toMatchObject({ code: pick, is_active: false });
    const check = await api.GET("/api/referral-codes/validate/{code}", { params: { path: { code: pick } } });
    expect(check.data).toEqual({ valid: false, error: "Referral code not found or inactive" });

    const missing = await api.PATCH("/api/clients/{id}/referral-codes/{codeId}", {
      params: { path: { ...path, codeId: "999999" } },
      body: { is_active: true },
    });
    expect(missing.response.status).toBe(404);
  });
});
