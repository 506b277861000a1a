import { expect, test, type Browser, type Page } from "@playwright/test";
import { ADMIN_EMAIL, LoginPage, MAYA_EMAIL } from "./pages/login-page";

// Long multi-page journeys: beside the other server's specs on two cores they can pass a minute.
test.describe.configure({ timeout: 120_000 });

// One number, one meaning (issue 18 item 2): every figure that more than one page shows is read from each
// of them and from the API, and all must be equal. Maya's demo account has referrals, clicks and money in
// every state, so a page that counted a different window or summed a different bucket shows up here.

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const money = (cents: number) => usd.format(cents / 100);
const count = (n: number) => n.toLocaleString("en-US");

type CommissionSummary = {
  total_commission_earned_cents: number;
  commission_on_hold_cents: number;
  commission_approved_cents: number;
  commission_paid_cents: number;
};

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await new LoginPage(page).signInAs(email);
  return page;
}

async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()).data as T;
}

/** The figure of a stat card (`data-testid`), without its label or note. */
const figure = (page: Page, testId: string) => page.getByTestId(testId).locator("[data-figure]");

test("each figure reads the same on every page that shows it and in the API", async ({ browser }) => {
  const maya = await signedIn(browser, MAYA_EMAIL);
  const admin = await signedIn(browser, ADMIN_EMAIL);
  const { user_id: id } = await api<{ user_id: number }>(maya, "/api/me");

  // The API, as Maya and as the admin (the same function answers both).
  const analytics = await api<{
    codes: { code: string; signups_last_30_days: number }[];
    summary: {
      total_referrals: number;
      total_clicks: number;
      signups_last_30_days: number;
      total_commission_earned: string;
    };
  }>(maya, `/api/clients/${id}/referral-analytics`);
  const mine = (await api<{ summary: CommissionSummary }>(maya, `/api/clients/${id}/commissions?limit=1`))
    .summary;
  const asAdmin = (await api<{ summary: CommissionSummary }>(admin, `/api/clients/${id}/commissions?limit=1`))
    .summary;
  expect(asAdmin).toEqual(mine);
  const myReferrals = await api<{ totals: { referrals: number } }>(maya, "/api/me/referrals?per_page=1");

  const last30 = analytics.summary.signups_last_30_days;
  expect(last30).toBe(analytics.codes.reduce((n, c) => n + c.signups_last_30_days, 0));
  expect(myReferrals.totals.referrals).toBe(analytics.summary.total_referrals);
  // The demo has money in each state, so equal zeros can't pass this by accident.
  expect(mine.commission_on_hold_cents).toBeGreaterThan(0);
  expect(mine.commission_approved_cents).toBeGreaterThan(0);
  expect(mine.commission_paid_cents).toBeGreaterThan(0);
  expect(last30).toBeGreaterThan(0);

  // Overview: the four cards, and the chart over the same 30 days.
  await maya.goto("/dashboard?days=30");
  await expect(figure(maya, "card-referrals")).toHaveText(count(analytics.summary.total_referrals));
  await expect(maya.getByTestId("signups-last-30")).toHaveText(count(last30));
  await expect(maya.getByTestId("activity-signups")).toHaveText(String(last30));
  await expect(maya.getByTestId("card-conversion").locator("[data-note]")).toHaveText(
    `of ${count(analytics.summary.total_clicks)} link clicks`,
  );
  await expect(figure(maya, "card-approved")).toHaveText(money(mine.commission_approved_cents));
  await expect(maya.getByTestId("card-approved").locator("[data-note]")).toHaveText(
    `${money(mine.commission_on_hold_cents)} on hold · ${money(mine.commission_paid_cents)} paid`,
  );
  const more = maya.getByRole("region", { name: "More in your dashboard" });
  await expect(more.getByRole("link", { name: /^Earnings/ })).toContainText(
    `${money(mine.total_commission_earned_cents)} earned`,
  );

  // Codes & sharing: the per-code "last 7 / 30 days" column adds up to the same 30 days.
  await maya.goto("/dashboard/codes");
  const perCode = maya.getByRole("region", { name: "How each code performs" });
  // allInnerTexts does not wait: read the column once its first cell is there (an empty read summed to 0).
  await expect(perCode.getByTestId("code-last-30").first()).toBeVisible();
  const perCode30 = (await perCode.getByTestId("code-last-30").allInnerTexts()).reduce(
    (n, v) => n + Number(v),
    0,
  );
  expect(perCode30).toBe(last30);

  // Referrals: the total.
  await maya.goto("/dashboard/referrals");
  await expect(figure(maya, "referrals-total")).toHaveText(count(analytics.summary.total_referrals));
  // Direct commission of her referrals: the analytics API's (direct-level) total.
  await expect(figure(maya, "referrals-earned")).toHaveText(
    money(Math.round(Number(analytics.summary.total_commission_earned) * 100)),
  );

  // Earnings: the four money states.
  await maya.goto("/dashboard/earnings");
  await expect(maya.getByTestId("commission-earned")).toHaveText(money(mine.total_commission_earned_cents));
  await expect(maya.getByTestId("commission-on-hold")).toHaveText(money(mine.commission_on_hold_cents));
  await expect(maya.getByTestId("commission-approved")).toHaveText(money(mine.commission_approved_cents));
  await expect(maya.getByTestId("commission-paid")).toHaveText(money(mine.commission_paid_cents));

  // The admin's page for Maya: the same referrals, clicks and money.
  await admin.goto(`/admin/clients/${id}`);
  await expect(figure(admin, "client-referrals")).toHaveText(count(analytics.summary.total_referrals));
  await expect(figure(admin, "client-clicks")).toHaveText(count(analytics.summary.total_clicks));
  await expect(figure(admin, "client-on-hold")).toHaveText(money(mine.commission_on_hold_cents));
  await expect(figure(admin, "client-approved")).toHaveText(money(mine.commission_approved_cents));
  await expect(figure(admin, "client-paid")).toHaveText(money(mine.commission_paid_cents));

  // Leaderboard: Maya's referrals (not in review, not rejected), page and API, for both periods. The 30 days are the same
  // window as the dashboard's, so her referrals on the board can't exceed her signups in it.
  for (const period of ["30d", "all"] as const) {
    const board = await api<{
      entries: { referrals: number; is_you: boolean }[];
      you: { referrals: number } | null;
    }>(maya, `/api/leaderboard?period=${period}`);
    const you = board.entries.find((e) => e.is_you) ?? board.you;
    expect(you, `Maya on the ${period} board`).not.toBeNull();
    await maya.goto(`/leaderboard?period=${period}`);
    await expect(maya.getByTestId("viewer-count")).toHaveText(String(you!.referrals));
    if (period === "30d") expect(you!.referrals).toBeLessThanOrEqual(last30);
    else expect(you!.referrals).toBeLessThanOrEqual(analytics.summary.total_referrals);
  }

  await maya.context().close();
  await admin.context().close();
});
