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
  await reports.openMoreFilters();
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
  // The table's columns under its labels: eligible rows are never "Not eligible" nor flagged in review.
  expect(rows.every((r) => r["Review"] === "Clean" || r["Review"] === "Flagged · approved")).toBe(true);
  const signedUp = rows.map((r) => r["Signed up"]);
  expect(signedUp.every((d) => d >= start && d.slice(0, 10) <= end)).toBe(true);
  // Newest first, as the table.
  expect(signedUp).toEqual([...signedUp].sort().reverse());
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

test("columns chosen and reordered → kept in the URL across a reload → the CSV has them, in order, and the table's row order", async ({
  page,
}) => {
  const reports = new AdminReportsPage(page);
  await reports.goto("size=25");
  const before = await reports.headerLabels();
  expect(before).toEqual([
    "Signed up",
    "Referred client",
    "Referrer",
    "Code",
    "Campaign",
    "Source",
    "Review",
    "Commission",
    "Commission status",
  ]);

  await reports.columnsButton.click();
  // Each choice is a navigation (the URL holds it): click, then wait for the URL and the checkbox.
  const campaign = reports.columnsPanel.getByLabel("Campaign", { exact: true });
  await campaign.click();
  await expect(page).toHaveURL(/columns=/);
  await expect(campaign).not.toBeChecked();
  const referrerEmail = reports.columnsPanel.getByLabel("Referrer e-mail", { exact: true });
  await referrerEmail.click();
  await expect(page).toHaveURL(/referrer_email/);
  await expect(referrerEmail).toBeChecked();
  await reports.columnsPanel.getByRole("button", { name: "Move Commission status left" }).click();
  await expect(page).toHaveURL(/commission_status%2Ccommission_amount|commission_status,commission_amount/);
  const chosen = [
    "Signed up",
    "Referred client",
    "Referrer",
    "Code",
    "Source",
    "Review",
    "Commission status",
    "Commission",
    "Referrer e-mail",
  ];
  await expect.poll(() => reports.headerLabels()).toEqual(chosen);

  await page.reload();
  expect(await reports.headerLabels()).toEqual(chosen);

  // Oldest first now: the export follows the table's order too.
  await page.getByRole("button", { name: /^Signed up/ }).click();
  await expect(page).toHaveURL(/dir=asc/);
  await expect(reports.columnHeaders.first()).toHaveAttribute("aria-sort", "ascending");
  const tableNames = await reports.table
    .locator("tbody tr")
    .evaluateAll((rows) =>
      rows.slice(0, 10).map((r) => (r as HTMLTableRowElement).cells[2].textContent ?? ""),
    );

  const download = page.waitForEvent("download");
  await reports.exportCsv.click();
  const file = await download;
  const [header, ...rows] = parse(readFileSync(await file.path()), { bom: true }) as string[][];
  expect(header).toEqual(await reports.headerLabels());
  expect(rows).toHaveLength(await reports.total());
  expect(rows.slice(0, 10).map((r) => r[1])).toEqual(tableNames);
  const signedUp = rows.map((r) => r[0]);
  expect(signedUp).toEqual([...signedUp].sort());
});

test("a dense table: rows at most 44 px at both widths, the header stays in view while the rows scroll", async ({
  page,
}) => {
  const reports = new AdminReportsPage(page);
  await reports.goto(
    "size=50&columns=signup_date,referred_name,referrer_name,referral_code,campaign,source,review,commission_amount,commission_status,commission_paid,referred_email,referrer_email",
  );
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    const heights = await reports.table
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
    expect(heights.length).toBe(50);
    expect(Math.max(...heights), `tallest row at ${width} px`).toBeLessThanOrEqual(44);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await reports.grid.evaluate((el) => el.scrollTo(0, 600));
  const box = (await reports.grid.boundingBox())!;
  const head = (await reports.columnHeaders.first().boundingBox())!;
  expect(Math.abs(head.y - box.y)).toBeLessThanOrEqual(1);
});

// lib/queries/report-key-figures: "+12%", rounded half away from zero; restated so a change to either shows.
const formatChange = (ratio: number) => {
  const percent = Math.round(Math.abs(ratio) * 100);
  return percent === 0 ? "±0%" : `${ratio > 0 ? "+" : "−"}${percent}%`;
};

test("the key figures' change against the previous period equals the one computed from the export API", async ({
  page,
}) => {
  const reports = new AdminReportsPage(page);
  const signupsIn = async (start: string, end: string) => {
    const res = await page.request.get(
      `/api/admin/referral-export?format=json&start_date=${start}&end_date=${end}`,
    );
    expect(res.status()).toBe(200);
    return (await res.json()).data.total_records as number;
  };
  // The default period (the rolling 30 days, today included) and a chosen fortnight, as day offsets.
  for (const [from, to, query] of [
    [-29, 0, ""],
    [-20, -7, `start_date=${isoDay(-20)}&end_date=${isoDay(-7)}`],
  ] as const) {
    await reports.goto(query);
    const days = to - from + 1;
    const current = await signupsIn(isoDay(from), isoDay(to));
    // The period of the same length that ends where this one starts.
    const previous = await signupsIn(isoDay(from - days), isoDay(from - 1));
    const figure = reports.keyFigure("signups");
    await expect(figure.value).toHaveText(current.toLocaleString("en-US"));
    expect(previous).toBeGreaterThan(0);
    await expect(figure.change).toContainText(
      `${formatChange((current - previous) / previous)} vs previous ${days} days`,
    );
  }
});
