// Points in the browser: earning them (double-sided), watching them (dashboard, My referrals,
// leaderboard), spending them (/redeem) and running the program (/admin/rewards).
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { ADMIN_EMAIL, LoginPage, MAYA_EMAIL } from "./pages/login-page";
import { RedeemPage } from "./pages/redeem-page";
import { SignupPage } from "./pages/signup-page";

const PHONE = { width: 390, height: 844 };
const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;
/** A documentation address per new client, so the IP-velocity fraud rule never flags these signups. */
const freshAddress = () =>
  `198.18.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;

async function screenshots(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}-desktop.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `test-results/screens/${name}-phone.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": freshAddress() } });
  const page = await context.newPage();
  await new LoginPage(page).signInAs(email);
  return { context, page };
}

type HistoryRow = { id: number; points: number; reason: string; detail: string | null; status: string };
async function rewardsApi(request: APIRequestContext) {
  const response = await request.get("/api/rewards");
  expect(response.status()).toBe(200);
  return (await response.json()).data as {
    balance_points: number;
    history: HistoryRow[];
    catalog: { id: number; name: string }[];
  };
}

test("a new client joins with Maya's code and gets +20; Maya gets +50 for the referral", async ({
  browser,
}) => {
  const maya = await signedIn(browser, MAYA_EMAIL);
  const before = await rewardsApi(maya.page.request);

  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": freshAddress() } });
  const page = await context.newPage();
  const signup = new SignupPage(page);
  await signup.goto("MAYA2025");
  await expect(signup.codeStatus).toHaveText("✓ Code by Maya");
  const email = `robin.${unique()}@example.org`;
  await signup.fill({ name: "Robin Vale", email, password: "a good long password" });
  await signup.submit.click();
  await expect(page).toHaveURL(/\/dashboard\?welcome=1$/);
  // The overview's Points figure, then the Rewards page with the detail.
  await expect(
    page
      .getByTestId("summary-cards")
      .getByText("Points", { exact: true })
      .locator("xpath=following-sibling::p[1]"),
  ).toHaveText("20");
  await page.goto("/dashboard/rewards");

  const points = page.getByRole("region", { name: "Points & badges" });
  await expect(points.getByTestId("points-balance")).toHaveText("20");
  await expect(points.getByText("Welcome bonus")).toBeVisible();
  await expect(points.getByText("Joined with Maya's code")).toBeVisible();
  await expect(points.getByText("+20")).toBeVisible();
  await expect(points.getByText("5 more referrals")).toBeVisible();
  await screenshots(page, "rewards-new-client-dashboard");

  // Maya: a +50 referral reward for Robin (masked), plus whatever her tier pays on top, and nothing else.
  await maya.page.goto("/dashboard/rewards");
  const mayaPoints = maya.page.getByRole("region", { name: "Points & badges" });
  await expect(mayaPoints.getByText("r***@example.org joined").first()).toBeVisible();
  const after = await rewardsApi(maya.page.request);
  const seen = new Set(before.history.map((h) => h.id));
  const added = after.history.filter((h) => !seen.has(h.id));
  expect(added).toContainEqual(
    expect.objectContaining({ reason: "referral_referrer", points: 50, status: "available" }),
  );
  expect(added.find((h) => h.reason === "referral_referrer")?.detail).toContain("r***@example.org joined");
  expect(after.balance_points - before.balance_points).toBe(added.reduce((sum, h) => sum + h.points, 0));
  await expect(mayaPoints.getByTestId("points-balance")).toHaveText(
    after.balance_points.toLocaleString("en-US"),
  );
  await screenshots(maya.page, "rewards-maya-dashboard");

  // My referrals lists Robin with the points the referral earned Maya.
  await maya.page.goto("/dashboard/referrals");
  const table = maya.page.getByRole("table");
  const row = table.getByRole("row").filter({ hasText: "Robin Vale" });
  await expect(row).toContainText("r***@example.org");
  // Robin has not paid yet: not a qualified referral (SPEC: net paid > 0) until the first payment.
  await expect(row).toContainText("Waiting for first payment");
  await expect(row).toContainText(
    String(added.filter((h) => h.reason !== "referral_new_client").reduce((s, h) => s + h.points, 0)),
  );
  await screenshots(maya.page, "rewards-my-referrals");
  await maya.context.close();
  await context.close();
});

test("an unaffordable reward cannot be redeemed and says why", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": freshAddress() } });
  const page = await context.newPage();
  const signup = new SignupPage(page);
  await signup.goto("SARAH25");
  await signup.fill({
    name: "Kim Short",
    email: `kim.${unique()}@example.org`,
    password: "a good long password",
  });
  await signup.submit.click();
  await expect(page).toHaveURL(/\/dashboard\?welcome=1$/);

  const redeem = new RedeemPage(page);
  await redeem.goto();
  expect(await redeem.stat("Available points")).toBe(20);
  const discount = redeem.reward("10% discount");
  await expect(discount.getByText("You need 80 more points")).toBeVisible();
  await expect(discount.getByRole("button", { name: "Not enough points for 10% discount" })).toBeDisabled();
  await expect(redeem.reward("Lifetime premium").getByText("You need 980 more points")).toBeVisible();
  await screenshots(page, "rewards-redeem-unaffordable");

  // The server refuses it too, with the same reason.
  const item = (await rewardsApi(page.request)).catalog.find((c) => c.name === "10% discount")!;
  const refused = await page.request.post("/api/rewards/redeem", { data: { catalog_item_id: item.id } });
  expect(refused.status()).toBe(409);
  expect(await refused.json()).toMatchObject({
    success: false,
    error: "You need 80 more points to redeem 10% discount (it costs 100, you have 20).",
  });
  expect(await redeem.stat("Available points")).toBe(20);
  await context.close();
});

test("Maya redeems 100 points and copies her coupon", async ({ browser }) => {
  const maya = await signedIn(browser, MAYA_EMAIL);
  await maya.context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const redeem = new RedeemPage(maya.page);
  await redeem.goto();
  const balance = await redeem.stat("Available points");

  const coupon = await redeem.redeem("10% discount", 100);
  const card = redeem.reward("10% discount");
  await card.getByRole("button", { name: `Copy coupon ${coupon}` }).click();
  await expect(card.getByText("Copied!")).toBeVisible();
  expect(await maya.page.evaluate(() => navigator.clipboard.readText())).toBe(coupon);

  await expect.poll(() => redeem.stat("Available points")).toBe(balance - 100);
  await expect(redeem.coupons.getByText(coupon)).toBeVisible();
  const latest = redeem.history.getByRole("listitem").first();
  await expect(latest).toContainText("Redeemed");
  await expect(latest).toContainText("−100");
  await expect(latest).toContainText(coupon);
  await screenshots(maya.page, "rewards-redeem-maya");
  await maya.context.close();
});

test("the leaderboard masks names unless the referrer opts in", async ({ browser }) => {
  const sarah = await signedIn(browser, "sarah@example.com");
  await sarah.page.goto("/leaderboard");
  const board = sarah.page.getByRole("region", { name: "Top 10" });
  await expect(board.getByText("Maya", { exact: true })).toBeVisible(); // Maya opted in (demo)
  const you = board.locator("li[aria-current='true']");
  await expect(you).toContainText("S*** J.");
  await expect(board.getByText("Sarah Johnson")).toHaveCount(0);

  await sarah.page.getByLabel(/Show my name/).check();
  await sarah.page.getByRole("button", { name: "Save" }).click();
  await expect(sarah.page.getByText("Your name is shown on the leaderboard.")).toBeVisible();
  await expect(you).toContainText("Sarah Johnson");
  await sarah.page.getByRole("link", { name: "All time" }).click();
  await expect(sarah.page).toHaveURL(/period=all/);
  await expect(board.getByRole("listitem").first()).toContainText("Maya");
  await screenshots(sarah.page, "rewards-leaderboard");
  await sarah.context.close();
});

test("an admin edits the catalog on /admin/rewards, with the 100-point minimum enforced", async ({
  browser,
}) => {
  const admin = await signedIn(browser, ADMIN_EMAIL);
  await admin.page.goto("/admin/rewards?section=catalog");
  await expect(admin.page.getByRole("heading", { level: 1, name: "Rewards" })).toBeVisible();
  await expect(admin.page.getByText("Balanced", { exact: true })).toBeVisible();

  const form = admin.page.locator("form", { has: admin.page.getByRole("button", { name: "Add reward" }) });
  await form.getByLabel("Name").fill("Sticker pack");
  await form.getByLabel("Cost (points)").fill("50");
  await form.getByLabel("Type").selectOption("free_product");
  await form.getByRole("button", { name: "Add reward" }).click();
  await expect(form.getByText("A reward costs at least 100 points")).toBeVisible();
  await form.getByLabel("Cost (points)").fill("150");
  await form.getByRole("button", { name: "Add reward" }).click();
  await expect(admin.page.getByText("Added “Sticker pack” to the catalog.")).toBeVisible();
  await admin.page.reload();
  await expect(admin.page.locator("input[value='Sticker pack']")).toHaveCount(1);
  await screenshots(admin.page, "rewards-admin");
  await admin.context.close();
});
