import { expect, test } from "@playwright/test";
import { ADMIN_EMAIL, LoginPage, MAYA_EMAIL } from "./pages/login-page";
import { apiClient } from "./support/api-client";

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

test.describe("POST /api/clients", () => {
  test("anonymous → 401, bad API key → 401, client session → 403, all in the error envelope", async ({
    page,
    request,
    baseURL,
  }) => {
    // Through the client generated from the OpenAPI document: each answer is also checked against it.
    const body = { name: "X", email: "x@example.org", business_type: "creator" };
    const anonymous = await apiClient(request, baseURL!).POST("/api/clients", { body });
    expect(anonymous.response.status).toBe(401);
    expect(anonymous.error).toMatchObject({ success: false, error: expect.any(String) });

    const badKey = await apiClient(request, baseURL!).POST("/api/clients", {
      headers: { Authorization: "Bearer mnk_not-a-real-key" },
      body,
    });
    expect(badKey.response.status).toBe(401);

    await new LoginPage(page).signInAs(MAYA_EMAIL);
    const asClient = await apiClient(page.request, baseURL!).POST("/api/clients", { body });
    expect(asClient.response.status).toBe(403);
    expect(asClient.error).toEqual({
      success: false,
      code: "forbidden",
      error: "You don't have access to this resource.",
    });
  });

  test("an admin creates a referred client with the seed's response", async ({ page, baseURL }) => {
    await new LoginPage(page).signInAs(ADMIN_EMAIL);
    const email = `sarah.${unique()}@example.org`;
    const { response, data: body } = await apiClient(page.request, baseURL!).POST("/api/clients", {
      body: {
        name: "Sarah Johnson",
        email,
        business_type: "escort",
        referral_code: "maya-2o25",
        subscription_tier_id: 2,
      },
    });
    expect(response.status).toBe(201);
    expect(body).toMatchObject({
      success: true,
      message: "Client created successfully",
      data: {
        user_id: expect.any(Number),
        model_id: expect.any(Number),
        account_number: expect.stringMatching(/^MO-US-30-\d{6}$/),
        subscription_id: expect.any(Number),
        temp_password: expect.stringMatching(/^\S{10,}$/),
        login_url: `/login?email=${encodeURIComponent(email)}`,
        site_url: expect.stringMatching(/^\/sarah-johnson/),
        referral_info: { code_used: "MAYA2025", referred_by: "maya@example.com" },
      },
    });

    // The temporary password works once, and must be replaced before anything else.
    const fresh = await page.context().browser()!.newContext();
    const clientPage = await fresh.newPage();
    const login = new LoginPage(clientPage);
    await login.goto();
    await login.signIn(email, body!.data.temp_password);
    await expect(clientPage).toHaveURL(/\/account\/password/);
    await clientPage.getByLabel("Current password").fill(body!.data.temp_password);
    await clientPage.getByLabel("New password", { exact: true }).fill("my own new password");
    await clientPage.getByLabel("Repeat new password").fill("my own new password");
    await clientPage.getByRole("button", { name: "Save new password" }).click();
    await expect(clientPage).toHaveURL(/\/dashboard/);
    // A brand-new client (no clicks, no referrals) is welcomed, not welcomed "back".
    await expect(clientPage.getByRole("heading", { level: 1 })).toHaveText("Welcome, Sarah Johnson");
    await fresh.close();
  });

  test("bad input gets 400 with a clear message, never a 500", async ({ page }) => {
    await new LoginPage(page).signInAs(ADMIN_EMAIL);
    const missing = await page.request.post("/api/clients", { data: { email: "not-an-email" } });
    expect(missing.status()).toBe(400);
    const missingBody = await missing.json();
    expect(missingBody.success).toBe(false);
    expect(missingBody.details).toEqual(
      expect.arrayContaining([
        "name: name is required",
        "email: Enter a valid e-mail address",
        "business_type: business_type is required",
      ]),
    );

    const invalidJson = await page.request.post("/api/clients", {
      headers: { "Content-Type": "application/json" },
      data: Buffer.from("{not json"),
    });
    expect(invalidJson.status()).toBe(400);
    expect((await invalidJson.json()).error).toBe("Request body must be valid JSON");

    const expired = await page.request.post("/api/clients", {
      data: {
        name: "Late",
        email: `late.${unique()}@example.org`,
        business_type: "creator",
        referral_code: "MAYA2024",
      },
    });
    expect(expired.status()).toBe(400);
    expect((await expired.json()).error).toBe("Referral code has expired");

    const duplicate = await page.request.post("/api/clients", {
      data: { name: "Maya Again", email: "maya@example.com", business_type: "creator" },
    });
    expect(duplicate.status()).toBe(400);
    expect((await duplicate.json()).error).toBe("An account with this e-mail already exists");
  });
});

test("GET /api/me answers 401 in the envelope for anonymous callers", async ({ request }) => {
  const response = await request.get("/api/me");
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ success: false, code: "unauthorized" });
});
