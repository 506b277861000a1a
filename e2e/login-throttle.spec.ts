// Sign-in throttling (per e-mail, kept in PostgreSQL) and next-auth's endpoints refusing bad input
// with a 4xx. The server runs with the default per-e-mail budget (10 in 15 minutes); the per-address
// budget is raised in e2e/serve.mjs because every spec comes from 127.0.0.1.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ADMIN_EMAIL, LoginPage } from "./pages/login-page";
import { SignupPage } from "./pages/signup-page";

const MAX_FAILURES = 10;
const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

async function postCredentials(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  return request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl: "/", json: "true" },
  });
}

test("ten wrong passwords lock the account: even the right one gets 429 and the form says how long", async ({
  page,
  browser,
}) => {
  // A fresh account, so no other spec shares its budget.
  const email = `lockme.${unique()}@example.org`;
  const password = "tangerine orbit walrus";
  const signup = new SignupPage(page);
  await signup.goto();
  await signup.fill({ name: "Lock Tester", email, password });
  await signup.submit.click();
  await expect(page).toHaveURL(/\/dashboard\?welcome=1$/);

  const context = await browser.newContext();
  const visitor = await context.newPage();
  for (let i = 0; i < MAX_FAILURES; i++) {
    const response = await postCredentials(visitor.request, email, `wrong guess ${i}`);
    expect(response.status()).toBe(401); // next-auth's own answer to a wrong password
    expect((await response.json()).url).toContain("error=CredentialsSignin");
  }
  const refused = await postCredentials(visitor.request, email, password);
  expect(refused.status()).toBe(429);
  expect(refused.headers()["retry-after"]).toBe("900");
  expect(await refused.json()).toEqual({
    success: false,
    error: "Too many sign-in attempts. Try again in 15 minutes.",
    code: "too_many_attempts",
  });

  const login = new LoginPage(visitor);
  await login.goto();
  await login.signIn(email, password);
  await expect(visitor.locator("#login-error")).toHaveText(
    "Too many sign-in attempts. Try again in 15 minutes.",
  );
  await expect(visitor).toHaveURL(/\/login(\?|$)/);
  await visitor.screenshot({ path: "test-results/screens/login-locked.png", fullPage: true });
  await context.close();

  // The lock-out is in the audit log.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await new LoginPage(admin).signInAs(ADMIN_EMAIL);
  await admin.goto(`/admin/audit?action=auth.login_locked`);
  await expect(admin.getByText(email).first()).toBeVisible();
  await adminContext.close();
});

test("an e-mail with no account is locked out exactly the same way", async ({ request }) => {
  const ghost = `ghost.${unique()}@example.org`;
  for (let i = 0; i < MAX_FAILURES; i++) {
    expect((await postCredentials(request, ghost, "whatever it is")).status()).toBe(401);
  }
  const refused = await postCredentials(request, ghost, "whatever it is");
  expect([refused.status(), refused.headers()["retry-after"]]).toEqual([429, "900"]);
  expect((await refused.json()).error).toBe("Too many sign-in attempts. Try again in 15 minutes.");
});

test.describe("next-auth endpoints answer bad input with a 4xx, never a 500", () => {
  test("callbackUrl that is not a path or URL → 400", async ({ request }) => {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const response = await request.post("/api/auth/callback/credentials", {
      form: { email: "maya@example.com", password: "x", csrfToken, callbackUrl: "x", json: "true" },
    });
    expect(response.status()).toBe(400);
    expect(await response.json()).toMatchObject({
      success: false,
      details: ["callbackUrl: callbackUrl must be a path on this site, such as /dashboard"],
    });
    expect((await request.get("/api/auth/signin?callbackUrl=x")).status()).toBe(400);
  });

  test("wrong content type → 415, oversized → 413, malformed fields → 400", async ({ request }) => {
    const url = "/api/auth/callback/credentials";
    const json = await request.post(url, { data: { email: "maya@example.com", password: "x" } });
    expect(json.status()).toBe(415);
    const huge = await request.post(url, {
      form: { email: "maya@example.com", password: "x".repeat(40_000) },
    });
    expect(huge.status()).toBe(413);
    const malformed = await request.post(url, {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      data: "email=%00&password=",
    });
    expect(malformed.status()).toBe(400);
    for (const response of [json, huge, malformed]) {
      const body = await response.text();
      expect(JSON.parse(body)).toMatchObject({ success: false });
      expect(body).not.toMatch(/at \w+ \(|node_modules/);
    }
  });

  test("unknown endpoints → 404", async ({ request }) => {
    for (const path of ["/api/auth/9", "/api/auth/callback/github", "/api/auth/signin/nope/extra"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
    }
    expect((await request.get("/api/auth/session")).status()).toBe(200);
  });

  test("a sign-in continues to a same-site path, whatever Host the request claimed", async ({ request }) => {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const response = await request.post("/api/auth/callback/credentials", {
      headers: { "x-forwarded-host": "evil.example", host: "evil.example" },
      form: {
        email: "nobody-at-all@example.org",
        password: "x",
        csrfToken,
        callbackUrl: "https://evil.example/steal",
        json: "true",
      },
    });
    expect(response.status()).toBe(401);
    expect((await response.json()).url).not.toContain("evil.example");
  });
});
