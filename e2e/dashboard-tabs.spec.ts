import { expect, test, type Page } from "@playwright/test";
import { LoginPage, MAYA_EMAIL } from "./pages/login-page";

// The dashboard is an overview plus one page per subject, each its own URL, all joined by one tab bar.
const TABS = [
  { path: "/dashboard", tab: "Overview", title: "Dashboard", region: "Your invite link" },
  {
    path: "/dashboard/codes",
    tab: "Codes & sharing",
    title: "Codes & sharing",
    region: "Your referral codes",
  },
  { path: "/dashboard/referrals", tab: "Referrals", title: "My referrals", region: "People you referred" },
  { path: "/dashboard/earnings", tab: "Earnings", title: "Earnings", region: "Commissions" },
  { path: "/dashboard/rewards", tab: "Rewards", title: "Rewards", region: "Points & badges" },
] as const;

const PHONE = { width: 390, height: 844 };

const tabBar = (page: Page) => page.getByRole("navigation", { name: "Dashboard", exact: true });

/** How far the page itself scrolls sideways (a row that scrolls inside itself doesn't count). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test("every dashboard tab is its own page, marked current in the tab bar, and fits a phone", async ({
  page,
}) => {
  // No axe scan here: every-page.spec.ts scans each of these pages at both widths.
  test.slow(); // five pages at two widths
  await new LoginPage(page).signInAs(MAYA_EMAIL);
  await expect(page).toHaveURL(/\/dashboard/);

  for (const width of [1280, PHONE.width]) {
    await page.setViewportSize(width === 1280 ? { width: 1280, height: 800 } : PHONE);
    for (const t of TABS) {
      await page.goto(t.path);
      await expect(page).toHaveTitle(new RegExp(`^${t.title.replace("&", "\\&")} · MuseNest Referrals$`));
      await expect(page.getByRole("region", { name: t.region }).first()).toBeVisible();
      const links = tabBar(page).getByRole("link");
      await expect(links).toHaveText(TABS.map((x) => x.tab));
      await expect(tabBar(page).locator('[aria-current="page"]')).toHaveText([t.tab]);
      expect(await overflow(page), `${t.path} at ${width}px`).toBeLessThanOrEqual(0);
    }
  }

  // The tabs are links: following one lands on its page with its own URL.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/dashboard");
  await tabBar(page).getByRole("link", { name: "Earnings" }).click();
  await expect(page).toHaveURL(/\/dashboard\/earnings$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Earnings");
});

test("the overview answers how am I doing and how do I share, with Share on a phone's first screen", async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  await new LoginPage(page).signInAs(MAYA_EMAIL);
  await expect(page).toHaveURL(/\/dashboard/);
  const share = page.getByRole("button", { name: "Share your invite link" });
  await expect(share).toBeVisible();
  const box = (await share.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
  await expect(page.getByTestId("invite-link")).toHaveText(/\/r\/[A-Z0-9-]+\?src=link$/);
  await expect(page.getByTestId("summary-cards").locator(":scope > *")).toHaveCount(4);
  await expect(page.getByTestId("activity-chart")).toBeVisible();
  // …and short: at 1280×800 it fits in two screens.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByTestId("activity-chart").locator("svg").first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1600);
});

test("a new referrer is welcomed, not welcomed back", async ({ page }) => {
  await new LoginPage(page).signInAs("newbie@example.com");
  await expect(page).toHaveURL(/\/dashboard/);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(/^Welcome, /);
  await expect(heading).not.toContainText("Welcome back");
  await expect(page.getByRole("region", { name: "Get your first referral" })).toBeVisible();
});
