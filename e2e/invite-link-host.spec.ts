import { chromium, expect, test, type APIRequestContext } from "@playwright/test";
import { ADMIN_EMAIL, LoginPage } from "./pages/login-page";
import { SignupPage } from "./pages/signup-page";

// A host name that is not localhost, resolved to this machine by Chromium itself: the invite link must
// keep the visitor on it (the attribution cookies live there).
const PUBLIC_HOST = "refer.musenest.test";
const PASSPHRASE = "violet-harbor-quantum-47-ledger";
const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

type ExportRow = { referred_email: string; referrer_email: string; referral_code: string; source: string };

async function exportedReferral(request: APIRequestContext, email: string): Promise<ExportRow | undefined> {
  const res = await request.get("/api/admin/referral-export?format=json");
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { data: { referrals: ExportRow[] } };
  return body.data.referrals.find((r) => r.referred_email === email);
}

test("an invite link on a real host name keeps its source through signup", async ({ page }, info) => {
  const port = new URL(String(info.project.use.baseURL)).port;
  const launch = info.project.use.launchOptions ?? {};
  const browser = await chromium.launch({
    ...launch,
    args: [...(launch.args ?? []), `--host-resolver-rules=MAP ${PUBLIC_HOST} 127.0.0.1`],
  });
  const email = `hollis.${unique()}@example.org`;
  try {
    const visitor = await browser.newPage();
    await visitor.goto(`http://${PUBLIC_HOST}:${port}/r/SARAH25?src=sms`);
    await expect(visitor).toHaveURL(`http://${PUBLIC_HOST}:${port}/signup?ref=SARAH25`);
    const signup = new SignupPage(visitor);
    await expect(signup.referralCode).toHaveValue("SARAH25");
    await signup.fill({ name: "Hollis Grant", email, password: PASSPHRASE });
    await signup.submit.click();
    await expect(visitor).toHaveURL(`http://${PUBLIC_HOST}:${port}/dashboard?welcome=1`);
  } finally {
    await browser.close();
  }

  await new LoginPage(page).signInAs(ADMIN_EMAIL);
  const referral = await exportedReferral(page.request, email);
  expect(referral).toMatchObject({
    referral_code: "SARAH25",
    referrer_email: "sarah@example.com",
    source: "sms",
  });
});

test("the invite link redirects relatively whatever Host and scheme the proxy reports", async ({
  request,
}) => {
  const res = await request.get("/r/SARAH25?src=qr", {
    headers: { Host: "refer.example.com", "X-Forwarded-Proto": "https" },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(307);
  expect(res.headers()["location"]).toBe("/signup?ref=SARAH25");
  const cookies = res
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value);
  expect(cookies.some((c) => c.startsWith("mn_ref=SARAH25;"))).toBe(true);
  expect(cookies.some((c) => c.startsWith("mn_src=qr;"))).toBe(true);
});

test("an unusual code is cut to a sane length and encoded, never an error", async ({ request }) => {
  const weird = `${"A".repeat(500)}&x=<script>"é`;
  const res = await request.get(`/r/${encodeURIComponent(weird)}`, { maxRedirects: 0 });
  expect(res.status()).toBe(307);
  const location = res.headers()["location"];
  expect(location).toMatch(/^\/signup\?ref=/);
  expect(location).not.toMatch(/[<>"&]x=/);
  const ref = new URLSearchParams(location.split("?")[1]).get("ref");
  expect(ref).toBe("A".repeat(20));

  const odd = await request.get(`/r/${encodeURIComponent('x y&z=<1>"é')}`, { maxRedirects: 0 });
  expect(odd.status()).toBe(307);
  // Only URL-safe characters in the header; the code comes back intact as one parameter.
  expect(odd.headers()["location"]).toMatch(/^\/signup\?ref=[A-Za-z0-9%+._~-]+$/);
  expect(new URLSearchParams(odd.headers()["location"].split("?")[1]).get("ref")).toBe('x y&z=<1>"é');
});
