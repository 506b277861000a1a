import { expect, test } from "@playwright/test";
import { LoginPage } from "./pages/login-page";

// Long multi-page journeys: beside the other server's specs on two cores they can pass a minute.
test.describe.configure({ timeout: 120_000 });

test("Maya's dashboard shows her analytics; the period switch changes the URL and the chart data", async ({
  page,
}) => {
  await new LoginPage(page).signInAs("maya@example.com");
  await expect(page).toHaveURL(/\/dashboard/);
  const chart = page.getByTestId("activity-chart");
  await expect(chart).toHaveAttribute("data-days", "30");
  const totals30 = await page.getByTestId("activity-totals").textContent();

  await page.getByRole("link", { name: "7 days" }).click();
  await expect(page).toHaveURL(/[?&]days=7/);
  await expect(chart).toHaveAttribute("data-days", "7");
  await expect(page.getByTestId("activity-totals")).toContainText("in the last 7 days");
  expect(await page.getByTestId("activity-totals").textContent()).not.toBe(totals30);
  await page.screenshot({ path: "test-results/screens/dashboard-analytics.png", fullPage: true });

  // The other charts live on the pages they belong to.
  await page.goto("/dashboard/codes");
  await expect(page.getByRole("region", { name: "How each code performs" })).toContainText("MAYA2025");
  await page.goto("/dashboard/referrals");
  await expect(page.getByRole("region", { name: "Signups by source" })).toBeVisible();
  await page.goto("/dashboard/earnings");
  await expect(page.getByRole("region", { name: "Commission by month" })).toBeVisible();
  const report = page.getByRole("region", { name: "Monthly report" });
  await report.getByLabel("Month", { exact: true }).selectOption({ index: 1 });
  await report.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/\/dashboard\/earnings\?month=\d{4}-\d{2}$/);
  await expect(page.getByTestId("monthly-report")).toContainText("New referrals");
});

test("GET /api/clients/:id/referral-analytics as Maya answers the seed's keys", async ({ page }) => {
  await new LoginPage(page).signInAs("maya@example.com");
  const mayaId: number = (await (await page.request.get("/api/me")).json()).data.user_id;

  const response = await page.request.get(`/api/clients/${mayaId}/referral-analytics`);
  expect(response.status()).toBe(200);
  const { data } = await response.json();
  expect(Object.keys(data).sort()).toEqual(["codes", "recent_referrals", "summary"]);
  expect(Object.keys(data.summary).sort()).toEqual(
    [
      "active_codes",
      "commission_paid",
      "commission_pending",
      "conversion_rate",
      "other_currencies",
      "signups_last_30_days",
      "total_clicks",
      "total_codes",
      "total_commission_earned",
      "total_referrals",
    ].sort(),
  );
  expect(data.codes[0]).toEqual(
    expect.objectContaining({
      code: expect.any(String),
      total_signups: expect.any(Number),
      signups_last_30_days: expect.any(Number),
      signups_last_7_days: expect.any(Number),
      total_commission_earned: expect.stringMatching(/^\d+\.\d{2}$/),
      commission_paid: expect.stringMatching(/^\d+\.\d{2}$/),
      clicks: expect.any(Number),
    }),
  );
  for (const r of data.recent_referrals) expect(r.referred_user_email).toMatch(/^.\*\*\*@/);

  const monthly = await page.request.get(
    `/api/clients/${mayaId}/referral-analytics?period=monthly&month=2025-08`,
  );
  expect(monthly.status()).toBe(200);
  expect(Object.keys((await monthly.json()).data).sort()).toEqual(
    [
      "commission_approved",
      "commission_earned",
      "commission_on_hold",
      "commission_pending",
      "conversion_rate",
      "new_referrals",
      "other_currencies",
      "period",
      "top_performing_code",
      "total_referrals",
    ].sort(),
  );
  const bad = await page.request.get(
    `/api/clients/${mayaId}/referral-analytics?period=monthly&month=2025-13`,
  );
  expect(bad.status()).toBe(400);
});
