// Request specs for the rewards API: GET /api/rewards, POST /api/rewards/redeem, GET /api/me/referrals and
// GET /api/leaderboard — who may call them, what they answer, and clear 4xx for bad input.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ADMIN_EMAIL, LoginPage, MAYA_EMAIL } from "./pages/login-page";

test.describe("anonymous callers", () => {
  for (const [method, path] of [
    ["GET", "/api/rewards"],
    ["POST", "/api/rewards/redeem"],
    ["GET", "/api/me/referrals"],
    ["GET", "/api/leaderboard"],
  ] as const) {
    test(`${method} ${path} → 401`, async ({ request }) => {
      const response = method === "GET" ? await request.get(path) : await request.post(path, { data: {} });
      expect(response.status()).toBe(401);
      expect(await response.json()).toMatchObject({ success: false, code: "unauthorized" });
    });
  }
});

test.describe("as Maya", () => {
  let request: APIRequestContext;
  test.beforeEach(async ({ page }) => {
    await new LoginPage(page).signInAs(MAYA_EMAIL);
    request = page.request;
  });

  test("GET /api/rewards: balance, the catalog against it, coupons and history", async () => {
    const response = await request.get("/api/rewards");
    expect(response.status()).toBe(200);
    const { data } = await response.json();
    expect(data.balance_points).toBeGreaterThan(1000);
    expect(data.catalog.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(["10% discount", "Free product", "Lifetime premium"]),
    );
    expect(data.catalog[0]).toMatchObject({ cost_points: 100, affordable: true, points_missing: 0 });
    expect(data.redemptions.length).toBeGreaterThanOrEqual(2);
    expect(data.redemptions[0].coupon_code).toMatch(/^MN-/);
    expect(data.history[0]).toEqual(
      expect.objectContaining({
        reason: expect.any(String),
        label: expect.any(String),
        points: expect.any(Number),
      }),
    );
  });

  test("POST /api/rewards/redeem: 201 with a coupon; bad input and unknown rewards are 4xx", async () => {
    const { data } = await (await request.get("/api/rewards")).json();
    const discount = data.catalog.find((c: { cost_points: number }) => c.cost_points === 100);
    const ok = await request.post("/api/rewards/redeem", { data: { catalog_item_id: discount.id } });
    expect(ok.status()).toBe(201);
    const body = await ok.json();
    expect(body).toMatchObject({ success: true, message: "Reward redeemed", data: { cost_points: 100 } });
    expect(body.data.coupon_code).toMatch(/^MN-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(body.data.balance_points).toBe(data.balance_points - 100);

    const missing = await request.post("/api/rewards/redeem", { data: {} });
    expect(missing.status()).toBe(400);
    expect((await missing.json()).details.join(" ")).toContain("catalog_item_id");
    const text = await request.post("/api/rewards/redeem", { data: { catalog_item_id: "abc" } });
    expect(text.status()).toBe(400);
    const broken = await request.post("/api/rewards/redeem", {
      headers: { "content-type": "application/json" },
      data: "{not json",
    });
    expect(broken.status()).toBe(400);
    const unknown = await request.post("/api/rewards/redeem", { data: { catalog_item_id: 999999 } });
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: "This reward is not available" });
  });

  test("GET /api/me/referrals: masked e-mails, statuses, points and commission, with totals", async () => {
    const response = await request.get("/api/me/referrals?per_page=5");
    expect(response.status()).toBe(200);
    const { data } = await response.json();
    expect(data.referrals).toHaveLength(5);
    expect(data.totals.referrals).toBeGreaterThan(100);
    expect(data.total_pages).toBe(Math.ceil(data.totals.referrals / 5));
    for (const r of data.referrals) {
      expect(r.email).toMatch(/^.\*\*\*@/);
      expect(["qualified", "in_review", "rejected", "refunded", "awaiting_payment"]).toContain(r.status);
      expect(r.commission_earned).toMatch(/^\d+\.\d{2}$/);
    }
    expect(JSON.stringify(data)).not.toMatch(/"[a-z.]+\d*@example\.(net|org)"/);
    const bad = await request.get("/api/me/referrals?per_page=1000");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).details[0]).toContain("per_page");
  });

  test("GET /api/leaderboard: ranked, masked unless opted in, never padded; bad periods are 400", async () => {
    const response = await request.get("/api/leaderboard?period=all&limit=50");
    expect(response.status()).toBe(200);
    const { data } = await response.json();
    expect(data.entries.map((e: { rank: number }) => e.rank)).toEqual(
      data.entries.map((_: unknown, i: number) => i + 1),
    );
    expect(data.entries.length).toBeLessThan(50); // the demo has a handful of referrers, and no filler rows
    expect(data.entries[0]).toMatchObject({ rank: 1, name: "Maya", masked: false, is_you: true });
    for (const e of data.entries.filter((x: { masked: boolean }) => x.masked))
      expect(e.name).toMatch(/\*\*\*/);
    const bad = await request.get("/api/leaderboard?period=week");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).details[0]).toContain("period must be 30d or all");
  });
});

test("an admin may read the leaderboard but has no points of their own", async ({ page }) => {
  await new LoginPage(page).signInAs(ADMIN_EMAIL);
  expect((await page.request.get("/api/leaderboard")).status()).toBe(200);
  const rewards = await page.request.get("/api/rewards");
  expect(rewards.status()).toBe(403);
  expect((await page.request.get("/api/me/referrals")).status()).toBe(403);
});
