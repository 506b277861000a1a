import { expect, test, type Page } from "@playwright/test";
import { formatMoney } from "@/lib/format";
import { LoginPage } from "./pages/login-page";
import { seriousViolations } from "./support/axe";

type Analytics = {
  codes: {
    code: string;
    clicks: number;
    total_signups: number;
    signups_last_7_days: number;
    signups_last_30_days: number;
    conversion_rate: number | null;
    total_commission_earned: string;
    commission_by_currency: { currency: string; amount_cents: number }[];
  }[];
  summary: {
    total_referrals: number;
    total_clicks: number;
    conversion_rate: number | null;
    commission_pending: string;
    commission_paid: string;
  };
};

// The dashboard's own formatting (lib/format.ts formatPercent), restated so a change to either shows up here.
const percent = (ratio: number | null) => (ratio === null ? "—" : `${(ratio * 100).toFixed(1)}%`);

async function analyticsOf(page: Page): Promise<Analytics> {
  const me = await (await page.request.get("/api/me")).json();
  const response = await page.request.get(`/api/clients/${me.data.user_id}/referral-analytics`);
  expect(response.status()).toBe(200);
  return (await response.json()).data;
}

/** The value line of a headline card (`card-…` test id). */
const cardValue = (page: Page, card: string) =>
  page.getByTestId("summary-cards").getByTestId(`card-${card}`).locator("[data-figure]");

/** The note under a headline card's value. */
const cardNote = (page: Page, card: string) =>
  page.getByTestId("summary-cards").getByTestId(`card-${card}`).locator("[data-note]");

async function expectNoSeriousViolations(page: Page) {
  // The ids and the offending markup, so a failure says what to fix.
  expect(await seriousViolations(page)).toEqual([]);
}

test("Maya's dashboard renders the same numbers as GET /api/clients/:id/referral-analytics", async ({
  page,
}) => {
  await new LoginPage(page).signInAs("maya@example.com");
  await expect(page).toHaveURL(/\/dashboard/);
  const data = await analyticsOf(page);
  expect(data.summary.total_referrals).toBeGreaterThan(0);

  // The overview's four figures.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome back, Maya");
  await expect(cardValue(page, "referrals")).toHaveText(data.summary.total_referrals.toLocaleString("en-US"));
  await expect(cardValue(page, "conversion")).toHaveText(percent(data.summary.conversion_rate));
  await expect(cardNote(page, "conversion")).toHaveText(
    `of ${data.summary.total_clicks.toLocaleString("en-US")} link clicks`,
  );
  // Money in the one vocabulary: the Approved card, with On hold and Paid under it (all levels, as
  // GET /api/clients/:id/commissions gives them; e2e/figures-agree.spec.ts holds every page to it).
  const money = await (
    await page.request.get(
      `/api/clients/${(await (await page.request.get("/api/me")).json()).data.user_id}/commissions?limit=1`,
    )
  ).json();
  await expect(cardValue(page, "approved")).toHaveText(`$${money.data.summary.commission_approved}`);
  await expect(cardNote(page, "approved")).toHaveText(
    `$${money.data.summary.commission_on_hold} on hold · $${money.data.summary.commission_paid} paid`,
  );
  await expect(cardValue(page, "points")).toHaveText(/^\d[\d,]*$/);
  const last30 = data.codes.reduce((n, c) => n + c.signups_last_30_days, 0);
  await expect(page.getByTestId("signups-last-30")).toHaveText(String(last30));
  await expect(cardNote(page, "referrals")).toContainText("in the last 30 days");

  // The per-code table, on Codes & sharing.
  await page.goto("/dashboard/codes");
  const table = page.getByRole("region", { name: "How each code performs" });
  for (const c of data.codes) {
    const row = table
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${c.code}\\b`) }) });
    await expect(row.getByRole("cell")).toHaveText([
      String(c.clicks),
      String(c.total_signups),
      `${c.signups_last_7_days} / ${c.signups_last_30_days}`,
      percent(c.conversion_rate),
      // Every currency the code earned in, one line each (usd first).
      c.commission_by_currency.map((a) => formatMoney(a.amount_cents, a.currency)).join(""),
    ]);
  }
});

test("a referrer with no referrals sees what to do first, and the invite link is one tap away", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await new LoginPage(page).signInAs("newbie@example.com");
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Welcome, /);

  const start = page.getByRole("region", { name: "Get your first referral" });
  await expect(start).toBeVisible();
  await expect(start).toContainText("They get a 7-day free trial and 20 bonus points when they join.");
  await expect(page.getByText("Your chart starts with your first click")).toBeVisible();
  // No empty chart: the period switch and the chart region aren't drawn until something happened.
  await expect(page.getByRole("region", { name: "Clicks and signups per day" })).toHaveCount(0);
  await expect(cardValue(page, "referrals")).toHaveText("0");
  await expect(cardValue(page, "conversion")).toHaveText("—");

  await start.getByRole("button", { name: "Copy your invite link" }).click();
  await expect(start.getByText("Copied!")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/r\/NINA2025\?src=link$/);
  const whatsapp = await start
    .getByRole("link", { name: "Share your invite link by WhatsApp" })
    .getAttribute("href");
  expect(new URL(whatsapp!).searchParams.get("text")).toContain("/r/NINA2025?src=whatsapp");
  // Without a system share sheet (desktop Chromium here), Share copies the message with the link.
  await start.getByRole("button", { name: "Share your invite link" }).click();
  await expect(start.getByText("Message and link copied")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
    /invites you to MuseNest\. Sign up with code NINA2025 .*\/r\/NINA2025\?src=link$/,
  );

  await page.screenshot({ path: "test-results/screens/dashboard-empty.png", fullPage: true });
  await expectNoSeriousViolations(page);

  await page.goto("/dashboard/referrals");
  await expect(page.getByRole("heading", { name: "No referrals yet" })).toBeVisible();
});

test("the dashboard has no serious accessibility violations, at desktop and phone widths", async ({
  page,
}) => {
  await new LoginPage(page).signInAs("maya@example.com");
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByTestId("activity-chart").locator("svg").first()).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dashboard?days=90");
  await expect(page.getByTestId("activity-chart")).toHaveAttribute("data-days", "90");
  await expect(page.getByTestId("activity-chart").locator("svg").first()).toBeVisible();
  // Nothing wider than the phone: a sideways scroll on the page itself means a layout that doesn't fit.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/screens/dashboard-phone.png", fullPage: true });
  await expectNoSeriousViolations(page);
});
