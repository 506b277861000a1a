import { expect, test, type Page } from "@playwright/test";
import { ADMIN_EMAIL, LoginPage, MAYA_EMAIL } from "./pages/login-page";
import { SignupPage } from "./pages/signup-page";

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

test.describe("the signed-in areas answer anonymous visitors with a real redirect, before rendering", () => {
  for (const path of [
    "/dashboard",
    "/dashboard/referrals?status=paid&page=2",
    "/redeem",
    "/leaderboard",
    "/account/password",
    "/admin",
    "/admin/clients/1",
  ]) {
    test(path, async ({ request }) => {
      const res = await request.get(path, { maxRedirects: 0 });
      expect(res.status()).toBe(307);
      expect(res.headers()["location"]).toBe(`/login?callbackUrl=${encodeURIComponent(path)}`);
      // Nothing of the page was rendered or streamed (Next's body is the bare target URL).
      expect(await res.text()).not.toContain("<");
    });
  }

  test("session API routes keep their JSON 401", async ({ request }) => {
    const res = await request.get("/api/me", { maxRedirects: 0 });
    expect(res.status()).toBe(401);
    expect(await res.json()).toMatchObject({ success: false });
  });

  test("signing in from the redirect lands back on the page asked for", async ({ page }) => {
    await page.goto("/dashboard/referrals");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard%2Freferrals$/);
    await new LoginPage(page).signIn(MAYA_EMAIL, "demo-password-123");
    await expect(page).toHaveURL(/\/dashboard\/referrals$/);
  });
});

test("/login sends the security headers and a per-request script nonce", async ({ request }) => {
  const first = await request.get("/login");
  const headers = first.headers();
  const csp = headers["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // Plain http: no HSTS (it would pin a host that has no https).
  expect(headers["strict-transport-security"]).toBeUndefined();

  const nonce = csp.match(/'nonce-([^']+)'/)![1];
  const html = await first.text();
  expect(html).toContain(`nonce="${nonce}"`);
  const again = (await request.get("/login")).headers()["content-security-policy"];
  expect(again).not.toBe(csp);

  const https = await request.get("/login", { headers: { "X-Forwarded-Proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toMatch(/^max-age=\d+/);
  expect(https.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");

  // Next's build assets carry the fixed headers too.
  const script = html.match(/src="(\/_next\/static\/[^"]+\.js)"/)![1];
  const asset = await request.get(script);
  expect(asset.status()).toBe(200);
  expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
});

/** Collects CSP violations (including ones swallowed by a try/catch) and console errors on a page. */
async function watchCsp(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Content Security Policy|CSP violation/i.test(msg.text())) {
      problems.push(msg.text());
    }
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return problems;
}

test("pages load, hydrate and submit under the policy with no violations", async ({ page }) => {
  const problems = await watchCsp(page);
  const signup = new SignupPage(page);
  await signup.goto("ROSEVIP");
  // The live code check is client-side JavaScript: it only answers if hydration ran under the nonce.
  await expect(signup.codeStatus).toHaveText(/✓ Code by Rose/);
  await signup.fill({
    name: "Csp Tester",
    email: `csp.${unique()}@example.org`,
    password: "violet-harbor-quantum-47-ledger",
  });
  await signup.submit.click();
  await expect(page).toHaveURL(/\/dashboard\?welcome=1$/);
  await page.goto("/dashboard/referrals");
  await page.goto("/leaderboard");
  await page.context().clearCookies();

  await new LoginPage(page).signInAs(ADMIN_EMAIL);
  await expect(page).toHaveURL(/\/admin/);
  // The admin reports draw recharts (inline SVG styles).
  await page.goto("/admin");
  await expect(page.getByTestId("filtered-total")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(problems).toEqual([]);
});

test.describe("server actions and page POSTs refuse other origins", () => {
  test("a signup from a foreign Origin or none is 403 and writes nothing", async ({
    page,
    request,
    baseURL,
  }) => {
    // Capture the browser's real server-action request for a signup, so the replays are valid in every way
    // except their Origin.
    const email = `replay.${unique()}@example.org`;
    let captured: { action: string; contentType: string; body: Buffer } | undefined;
    await page.route("**/signup*", async (route) => {
      const req = route.request();
      if (req.method() !== "POST") return route.continue();
      const h = await req.allHeaders();
      captured = { action: h["next-action"], contentType: h["content-type"], body: req.postDataBuffer()! };
      await route.abort();
    });
    const signup = new SignupPage(page);
    await signup.goto();
    await signup.fill({ name: "Replay Tester", email, password: "violet-harbor-quantum-47-ledger" });
    await signup.submit.click();
    await expect.poll(() => captured).toBeDefined();
    expect(captured!.action).toMatch(/^[0-9a-f]{20,}$/);

    const send = (origin?: string) =>
      request.post("/signup", {
        headers: {
          "Next-Action": captured!.action,
          "Content-Type": captured!.contentType,
          Accept: "text/x-component",
          ...(origin ? { Origin: origin } : {}),
        },
        data: captured!.body,
        maxRedirects: 0,
      });

    for (const origin of ["https://evil.example", undefined]) {
      const res = await send(origin);
      expect(res.status(), `Origin ${origin}`).toBe(403);
      expect(await res.text()).toMatch(/must come from this site/);
    }
    // Nothing was written: the account does not exist.
    const login = new LoginPage(page);
    await page.unroute("**/signup*");
    await login.goto();
    await login.signIn(email, "violet-harbor-quantum-47-ledger");
    await expect(login.mismatchError).toBeVisible();

    // The very same request from this site's own origin goes through (so the refusals were about Origin).
    const ok = await send(new URL(baseURL!).origin);
    expect(ok.status()).toBeLessThan(400);
    await login.goto();
    await login.signIn(email, "violet-harbor-quantum-47-ledger");
    await expect(page).toHaveURL(/\/dashboard/);
  });

  test("a plain form POST to a page from another site is 403", async ({ request }) => {
    const res = await request.post("/login", {
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      data: "email=a%40b.c",
      maxRedirects: 0,
    });
    expect(res.status()).toBe(403);
  });
});
