import { expect, test, type Page } from "@playwright/test";
import { ADMIN_EMAIL, DEMO_PASSWORD, LoginPage, MAYA_EMAIL } from "./pages/login-page";

const ACCESS_DENIED = "You don't have access to this page";

/** Screenshots for humans reviewing a run; they sit beside Playwright's own results. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

const pathOf = (page: Page) => new URL(page.url()).pathname;

test("the landing page loads for anonymous visitors and states the program from its rules", async ({
  page,
}) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/\S/);
  // The demo seed's rules: 10% rising at 25/50/100, +50/+20 points, the three catalog rewards, three badges.
  await expect(
    page.getByText(
      "You earn 10% commission on their payments, more at 25, 50 and 100 referrals, plus +50 points per referral. They start with +20 points. Badges unlock at 5, 20 and 50 referrals.",
    ),
  ).toBeVisible();
  await expect(page.getByText("12.5% of payments")).toBeVisible();
  await expect(page.getByText("Lifetime premium")).toBeVisible();
  await expect(page.getByText("Gold · 50 referrals")).toBeVisible();
  // The demo's 30-day hold setting, in both places the page states it.
  await expect(page.getByText("Commissions wait out a 30-day hold", { exact: false })).toBeVisible();
  await expect(page.getByText("Commissions are held 30 days", { exact: false })).toBeVisible();
  await screenshot(page, "landing");
});

test("the login page shows the sign-in form", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await expect(login.email).toBeVisible();
  await expect(login.password).toHaveAttribute("type", "password");
  await screenshot(page, "login");
});

test("an admin signs in and lands on /admin", async ({ page }) => {
  const login = new LoginPage(page);
  await login.signInAs(ADMIN_EMAIL);
  await expect(page).toHaveURL(/\/admin(\/|\?|$)/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await screenshot(page, "admin");
});

test("a client signs in, lands on /dashboard and sees their code", async ({ page }) => {
  const login = new LoginPage(page);
  await login.signInAs(MAYA_EMAIL);
  await expect(page).toHaveURL(/\/dashboard(\/|\?|$)/);
  await expect(page.getByText("MAYA2025").first()).toBeVisible();
  await screenshot(page, "dashboard");
});

test("a client cannot open the admin area", async ({ page }) => {
  const login = new LoginPage(page);
  await login.signInAs(MAYA_EMAIL);
  await page.goto("/admin");
  // Either redirected to their own dashboard or told, in place, that the page is not theirs.
  const denied = page.getByText(ACCESS_DENIED);
  await expect
    .poll(async () => pathOf(page) === "/dashboard" || (await denied.isVisible()), {
      message: `expected a redirect to /dashboard or "${ACCESS_DENIED}"`,
    })
    .toBe(true);
  if (pathOf(page) !== "/dashboard") {
    await expect(denied).toBeVisible();
  }
});

test("an anonymous visitor opening /dashboard is sent to /login", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login(\?|$)/);
  await expect(new LoginPage(page).submit).toBeVisible();
});

test("a wrong password is refused and stays on /login", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(MAYA_EMAIL, `${DEMO_PASSWORD}-wrong`);
  await expect(login.mismatchError).toBeVisible();
  await expect(page).toHaveURL(/\/login(\?|$)/);
});

test("an unknown e-mail gets the same message as a wrong password", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn("nobody-here@example.com", DEMO_PASSWORD);
  await expect(login.mismatchError).toBeVisible();
  await expect(page).toHaveURL(/\/login(\?|$)/);
});

test("signing out ends the session", async ({ page }) => {
  const login = new LoginPage(page);
  await login.signInAs(MAYA_EMAIL);
  await expect(page).toHaveURL(/\/dashboard(\/|\?|$)/);

  await page.goto("/logout");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).not.toHaveURL(/\/logout(\?|$)/);

  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login(\?|$)/);
});

test("a sign-in sent before the page's script has run never puts the password in the URL", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(MAYA_EMAIL);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  const submitted = page.waitForRequest(
    (r) => new URL(r.url()).pathname === "/login" && r.isNavigationRequest(),
  );
  await page.getByRole("button", { name: "Sign in" }).click();
  const request = await submitted;
  expect(request.method()).toBe("POST");
  expect(request.url()).not.toContain(encodeURIComponent(DEMO_PASSWORD));
  await page.waitForLoadState();
  expect(page.url()).not.toContain("password");
  expect(page.url()).not.toContain(encodeURIComponent(DEMO_PASSWORD));
  await context.close();
});
