// The admin reports page: filters live in the URL (a filtered view survives a reload and can be shared),
// the table's export downloads exactly the filtered rows, and the page looks finished at both widths.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, test } from "@playwright/test";
import { AdminReportsPage } from "./pages/admin-reports-page";
import { ADMIN_EMAIL, LoginPage } from "./pages/login-page";
import { screens } from "./support/screens";

const DAY = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

test.beforeEach(async ({ page }) => {
  await new LoginPage(page).signInAs(ADMIN_EMAIL);
});

test("filter by date and status → the URL holds the view → reload keeps it → Export CSV has exactly its rows", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const reports = new AdminReportsPage(page);
  await reports.goto();
  const everything = await reports.total();
  expect(everything).toBeGreaterThan(100);

  const start = isoDay(-29);
  const end = isoDay(0);
  await reports.startDate.fill(start);
  await reports.endDate.fill(end);
  await reports.status.selectOption("eligible");
  await reports.apply.click();
  await expect(page).toHaveURL(
    new RegExp(`start_date=${start}.*end_date=${end}.*commission_status=eligible`),
  );
  await expect.poll(() => reports.total()).toBeLessThan(everything);
  const filtered = await reports.total();
  expect(filtered).toBeGreaterThan(0);

  await page.reload();
  await expect(reports.startDate).toHaveValue(start);
  await expect(reports.endDate).toHaveValue(end);
  await expect(reports.status).toHaveValue("eligible");
  expect(await reports.total()).toBe(filtered);

  // Selection: counted across the page; the bulk actions that use it come with the review queue.
  await reports.rowCheckboxes().nth(0).check();
  await reports.rowCheckboxes().nth(2).check();
  await expect(reports.selectedCount).toHaveText("2 selected");

  const download = page.waitForEvent("download");
  await reports.exportCsv.click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^referrals-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parse(readFileSync(await file.path()), { bom: true, columns: true }) as Record<
    string,
    string
  >[];
  expect(rows).toHaveLength(filtered);
  expect(rows.every((r) => r.commission_eligible === "true")).toBe(true);
  expect(rows.every((r) => r.signup_date >= start && r.signup_date.slice(0, 10) <= end)).toBe(true);
  await expect(
    page.getByText(`Downloaded ${file.suggestedFilename()} · ${filtered.toLocaleString("en-US")} rows`),
  ).toBeVisible();

  await screens(page, "admin-reports-filtered");
});

test("sorting and keyset paging keep the filters; the JSON export is the seed's shape", async ({ page }) => {
  const reports = new AdminReportsPage(page);
  await reports.goto("referrer=maya&size=25");
  const total = await reports.total();
  expect(total).toBeGreaterThan(25);

  const pages = page.getByRole("navigation", { name: "Pages" });
  await page.getByRole("button", { name: /^Commission/ }).click();
  await expect(page).toHaveURL(/referrer=maya.*sort=commission/);
  await pages.getByRole("link", { name: "Next", exact: true }).click();
  await expect(page).toHaveURL(/referrer=maya.*sort=commission.*after=/);
  await expect(pages.getByRole("link", { name: "Previous", exact: true })).toBeVisible();
  await pages.getByRole("link", { name: "Last", exact: true }).click();
  await expect(page).toHaveURL(/before=end/);
  expect(await reports.total()).toBe(total);

  const res = await page.request.get("/api/admin/referral-export?format=json&referrer=maya", {
    headers: { "Accept-Encoding": "gzip, deflate, br" },
  });
  expect(res.status()).toBe(200);
  // Streamed as the database writes it: the app doesn't gzip a million rows (a proxy may).
  expect(res.headers()["content-encoding"]).toBeUndefined();
  expect(res.headers()["cache-control"]).toContain("no-transform");
  const body = await res.json();
  expect(body.success).toBe(true);
  expect(body.data.total_records).toBe(total);
  expect(body.data.filters_applied).toEqual({
    start_date: null,
    end_date: null,
    commission_status: "all",
    referrer: "maya",
  });
  expect(Object.keys(body.data.referrals[0]).slice(0, 9)).toEqual([
    "referral_code",
    "referrer_email",
    "referred_email",
    "signup_date",
    "commission_amount",
    "commission_eligible",
    "commission_paid",
    "subscription_tier",
    "signup_ip",
  ]);
  expect(body.data.referrals[0].commission_amount).toMatch(/^\d+\.\d{2}$/);
});

test("the reports page looks finished at desktop and phone widths", async ({ page }) => {
  const reports = new AdminReportsPage(page);
  await reports.goto("size=25");
  await expect(page.getByRole("heading", { name: "Signups and commissions" })).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await screens(page, "admin-reports");
});
