// Authorization matrix over every /admin page and /api/admin route: anonymous → sign in (redirect or
// 401), client → refused (redirect to /forbidden or 403), admin → 200. To cover a new page or route, add
// one line below; the first test fails, naming it, until that line exists. (Server actions of the admin
// area: lib/auth/admin-actions-authorization.test.ts.)
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import { ADMIN_EMAIL, LoginPage, MAYA_EMAIL } from "./pages/login-page";

/** Where a real id for a `[id]` segment is found: the first link of this shape on that admin page. */
type IdSource = { from: string; link: RegExp };
type Target = { path: string; method?: "GET" | "POST"; id?: IdSource };

const clientId: IdSource = { from: "/admin/clients", link: /\/admin\/clients\/(\d+)/ };
const campaignId: IdSource = { from: "/admin/campaigns", link: /\/admin\/campaigns\/(\d+)/ };
const payoutBatchId: IdSource = { from: "/admin/payouts", link: /\/admin\/payouts\/(\d+)/ };

const ADMIN_PAGES: Target[] = [
  { path: "/admin" },
  { path: "/admin/account-emails" },
  { path: "/admin/api-keys" },
  { path: "/admin/audit" },
  { path: "/admin/campaigns" },
  { path: "/admin/campaigns/[id]", id: campaignId },
  { path: "/admin/clients" },
  { path: "/admin/clients/[id]", id: clientId },
  { path: "/admin/invites" },
  { path: "/admin/jobs" },
  { path: "/admin/notifications" },
  { path: "/admin/payouts" },
  { path: "/admin/payouts/[id]", id: payoutBatchId },
  { path: "/admin/review" },
  { path: "/admin/rewards" },
  { path: "/admin/webhooks" },
];

const ADMIN_API: Target[] = [
  { path: "/api/admin/referral-export" },
  { path: "/api/admin/payout-batches/[id]/csv", id: payoutBatchId },
];

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Route paths of the files Next.js serves under `dir` (route groups dropped), e.g. `/admin/clients/[id]`. */
function routesOnDisk(dir: string, file: "page.tsx" | "route.ts"): string[] {
  const found: string[] = [];
  const walk = (abs: string) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const full = path.join(abs, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === file) {
        const rel = path.relative(path.join(ROOT, "app"), path.dirname(full));
        found.push(
          `/${rel
            .split(path.sep)
            .filter((s) => !/^\(.*\)$/.test(s))
            .join("/")}`,
        );
      }
    }
  };
  walk(dir);
  return found.sort();
}

type Role = "anonymous" | "client" | "admin";
const contexts = {} as Record<Role, BrowserContext>;
const resolved = new Map<string, string>();

async function signedIn(browser: Browser, email: string | null): Promise<BrowserContext> {
  const context = await browser.newContext();
  if (email) {
    const page = await context.newPage();
    await new LoginPage(page).signInAs(email);
    await page.close();
  }
  return context;
}

async function concrete(target: Target, admin: APIRequestContext): Promise<string> {
  if (!target.id) return target.path;
  const key = `${target.id.from} ${target.id.link.source}`;
  if (!resolved.has(key)) {
    const html = await (await admin.get(target.id.from)).text();
    const id = html.match(target.id.link)?.[1];
    if (!id)
      throw new Error(`No link like ${target.id.link} on ${target.id.from} to test ${target.path} with`);
    resolved.set(key, id);
  }
  return target.path.replace("[id]", resolved.get(key)!);
}

test.describe("admin authorization matrix", () => {
  test.describe.configure({ mode: "serial" });

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    contexts.anonymous = await signedIn(browser, null);
    contexts.client = await signedIn(browser, MAYA_EMAIL);
    contexts.admin = await signedIn(browser, ADMIN_EMAIL);
  });

  test.afterAll(async () => {
    await Promise.all(Object.values(contexts).map((c) => c.close()));
  });

  test("every /admin page and /api/admin route on disk is in the matrix", () => {
    const listedPages = ADMIN_PAGES.map((t) => t.path).sort();
    const listedApi = ADMIN_API.map((t) => t.path).sort();
    expect(routesOnDisk(path.join(ROOT, "app", "(admin)"), "page.tsx")).toEqual(listedPages);
    expect(routesOnDisk(path.join(ROOT, "app", "api", "admin"), "route.ts")).toEqual(listedApi);
  });

  for (const target of ADMIN_PAGES) {
    test(`page ${target.path}`, async () => {
      const url = await concrete(target, contexts.admin.request);
      const get = (role: Role) => contexts[role].request.get(url, { maxRedirects: 0 });

      const anonymous = await get("anonymous");
      expect(anonymous.status(), "anonymous").toBe(307);
      expect(anonymous.headers().location).toBe(`/login?callbackUrl=${encodeURIComponent(url)}`);

      const client = await get("client");
      expect(client.status(), "client").toBe(307);
      expect(client.headers().location).toBe("/forbidden");

      const admin = await get("admin");
      expect(admin.status(), "admin").toBe(200);
    });
  }

  for (const target of ADMIN_API) {
    test(`${target.method ?? "GET"} ${target.path}`, async () => {
      const url = await concrete(target, contexts.admin.request);
      const send = (role: Role) =>
        contexts[role].request.fetch(url, { method: target.method ?? "GET", maxRedirects: 0 });

      const anonymous = await send("anonymous");
      expect(anonymous.status(), "anonymous").toBe(401);
      expect(await anonymous.json()).toMatchObject({ success: false, code: "unauthorized" });

      const client = await send("client");
      expect(client.status(), "client").toBe(403);
      expect(await client.json()).toMatchObject({ success: false, code: "forbidden" });

      const admin = await send("admin");
      expect(admin.status(), "admin").toBe(200);
    });
  }

  test("a client opening /admin in the browser is refused", async () => {
    const page = await contexts.client.newPage();
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/forbidden$/);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    await page.close();
  });
});
