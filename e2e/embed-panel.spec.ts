// The embeddable referral panel (issue 16 part 3) in real Chromium, framed by a host page served from
// another origin: a tiny HTTP server on the port playwright.config.ts chose (E2E_EMBED_HOST_PORT, the one
// EMBED_ALLOWED_ORIGINS lets in) and a second one on a port the kernel picks (not on the list).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { ADMIN_EMAIL, LoginPage, MAYA_EMAIL } from "./pages/login-page";
import { seriousViolations } from "./support/axe";

const HOST_PORT = Number(process.env.E2E_EMBED_HOST_PORT);

/** The host page: frames `?panel=…`, sizes the iframe from the panel's height messages and records them. */
function hostPage(panelUrl: string): string {
  return `<!doctype html><html lang="en"><head><title>MuseNest app</title></head><body>
<h1>MuseNest app</h1>
<iframe id="panel" title="Your referrals" src="${panelUrl.replace(/"/g, "&quot;")}"
  allow="clipboard-write; web-share" style="width:100%;border:0;height:200px"></iframe>
<script>
  window.heights = [];
  window.frameLoaded = false;
  const frame = document.getElementById("panel");
  frame.addEventListener("load", () => { window.frameLoaded = true; });
  window.addEventListener("message", (event) => {
    if (event.origin !== new URL(frame.src).origin) return;
    if (event.data && event.data.type === "musenest:height") {
      window.heights.push(event.data.height);
      frame.style.height = event.data.height + "px";
    }
  });
</script></body></html>`;
}

function startHost(port: number): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const panel = new URL(req.url ?? "/", "http://x").searchParams.get("panel") ?? "about:blank";
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(hostPage(panel));
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

let allowedHost: http.Server;
let foreignHost: http.Server;
let apiKey = "";

async function createApiKey(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new LoginPage(page).signInAs(ADMIN_EMAIL);
  await page.goto("/admin/api-keys");
  await page.getByLabel("Name").fill(`Embed spec ${Date.now()}`);
  await page.getByRole("button", { name: "Create key" }).click();
  const key = ((await page.getByTestId("new-api-key").textContent()) ?? "").trim();
  await context.close();
  return key;
}

async function issueToken(request: APIRequestContext, body: Record<string, unknown> = { email: MAYA_EMAIL }) {
  const response = await request.post("/api/embed-tokens", {
    headers: { Authorization: `Bearer ${apiKey}` },
    data: body,
  });
  expect(response.status()).toBe(201);
  return (await response.json()).data as { id: number; user_id: number; token: string; url: string };
}

test.beforeAll(async ({ browser }) => {
  allowedHost = await startHost(HOST_PORT);
  foreignHost = await startHost(0);
  apiKey = await createApiKey(browser);
});
test.afterAll(async () => {
  await new Promise((resolve) => allowedHost?.close(resolve));
  await new Promise((resolve) => foreignHost?.close(resolve));
});

const hostUrl = (server: http.Server, panelUrl: string) =>
  `http://127.0.0.1:${(server.address() as AddressInfo).port}/?panel=${encodeURIComponent(panelUrl)}`;

test("an allowed host frames the panel: the client's data, a working copy button, its height", async ({
  page,
  context,
  request,
  baseURL,
}) => {
  const issued = await issueToken(request);
  const panelUrl = `${baseURL}${issued.url}`;
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: `http://127.0.0.1:${HOST_PORT}`,
  });

  await page.goto(hostUrl(allowedHost, panelUrl));
  const panel = page.frameLocator("#panel");
  const link = panel.getByTestId("embed-invite-link");
  await expect(link).toContainText(`${baseURL}/r/`);
  await expect(panel.getByRole("img", { name: /QR code for the .* invite link/ })).toBeVisible();
  await expect(panel.getByTestId("embed-latest").getByRole("listitem").first()).toContainText("***@");

  // One number, one meaning: the panel's referrals figure is the API's total for the same client.
  const analytics = await request.get(`/api/clients/${issued.user_id}/referral-analytics`, {
    headers: { Authorization: `Bearer ${apiKey}` },
  });
  const total = (await analytics.json()).data.summary.total_referrals as number;
  await expect(panel.getByTestId("embed-figure-referrals").locator("[data-figure]")).toHaveText(
    total.toLocaleString("en-US"),
  );

  await panel.getByRole("button", { name: "Copy your invite link" }).click();
  await expect(panel.getByRole("button", { name: "Copy your invite link" })).toHaveText("Copied!");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await link.textContent());

  // The height message reached the host page, and the host sized the iframe with it.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { heights: number[] }).heights.length))
    .toBeGreaterThan(0);
  const height = await page.evaluate(() => (window as unknown as { heights: number[] }).heights.at(-1)!);
  expect(height).toBeGreaterThan(200);
  await expect(page.locator("#panel")).toHaveCSS("height", `${height}px`);

  // A new code from inside the panel, authenticated by its token (no session in this context).
  const custom = `EMB${Date.now().toString(36).slice(-5).toUpperCase()}`;
  await panel.getByText("Create another code").click();
  await panel.getByLabel("Code (optional)").fill(custom);
  await panel.getByRole("button", { name: "Create code" }).click();
  await expect(panel.getByText(`Code ${custom} created.`)).toBeVisible();
  expect((await context.cookies()).filter((c) => c.name.includes("next-auth"))).toEqual([]);
});

test("the panel's headers: framable by the listed origin only, no cookies; other pages never framable", async ({
  request,
}) => {
  const issued = await issueToken(request);
  const response = await request.get(issued.url);
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain(`frame-ancestors http://127.0.0.1:${HOST_PORT}`);
  expect(headers["x-frame-options"]).toBeUndefined();
  expect(headers["set-cookie"]).toBeUndefined();
  expect(headers["referrer-policy"]).toBe("no-referrer");
  for (const path of ["/", "/login", "/dashboard"]) {
    const other = await request.get(path, { maxRedirects: 0 });
    expect(other.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(other.headers()["x-frame-options"], path).toBe("DENY");
  }
});

test("a host not on the list can't frame it", async ({ page, request, baseURL }) => {
  const issued = await issueToken(request);
  await page.goto(hostUrl(foreignHost, `${baseURL}${issued.url}`));
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { frameLoaded: boolean }).frameLoaded))
    .toBe(true);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  // Chromium swaps a refused frame for its own error page: nothing of the panel rendered, no height came.
  expect(frame?.url()).not.toContain("/embed/referrals");
  await expect(page.frameLocator("#panel").getByTestId("embed-invite-link")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { heights: number[] }).heights)).toEqual([]);
});

test("the token opens nothing else, and a revoked, forged or missing token shows a message and no data", async ({
  page,
  request,
}) => {
  const issued = await issueToken(request);
  const bearer = { Authorization: `Bearer ${issued.token}` };
  for (const path of [
    `/api/clients/${issued.user_id}/referral-analytics`,
    `/api/clients/${issued.user_id}/referral-codes`,
    "/api/me",
    "/api/me/referrals",
  ]) {
    const response = await request.get(path, { headers: bearer });
    expect([401, 403], path).toContain(response.status());
  }
  // Pages take no token: the dashboard still wants a session (307 to sign-in), with the token in the query too.
  const dashboard = await request.get(`/dashboard?token=${issued.token}`, {
    headers: bearer,
    maxRedirects: 0,
  });
  expect(dashboard.status()).toBe(307);
  expect(dashboard.headers()["location"]).toContain("/login");

  const revoked = await request.delete(`/api/embed-tokens/${issued.id}`, {
    headers: { Authorization: `Bearer ${apiKey}` },
  });
  expect(revoked.status()).toBe(200);
  for (const url of [issued.url, `/embed/referrals?token=emt_${"A".repeat(43)}`, "/embed/referrals"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(401);
    await expect(page.getByTestId("embed-invalid")).toContainText("expired or is no longer valid");
    await expect(page.getByTestId("embed-invite-link")).toHaveCount(0);
  }
});

async function checkPanel(page: Page, url: string, label: string) {
  const problems: string[] = [];
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url);
  await expect(page.getByTestId("embed-invite-link")).toBeVisible();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 844 });
    for (const v of await seriousViolations(page)) problems.push(`${label} ${width}: axe ${v.id}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    if (overflow) problems.push(`${label} ${width}: horizontal overflow`);
  }
  return problems;
}

test("axe and no overflow at 1280 and 390 px, light, dark, and light with a pale accent (darkened to stay readable)", async ({
  page,
  request,
}) => {
  const { url } = await issueToken(request);
  const problems = [
    ...(await checkPanel(page, url, "light")),
    ...(await checkPanel(page, `${url}&theme=dark`, "dark")),
    ...(await checkPanel(page, `${url}&accent=%23facc15`, "light+yellow")),
  ];
  expect(problems).toEqual([]);
});
