// The audit log reads as sentences (money formatted, no raw keys), filters by action, actor and dates in
// the URL, and fits a phone.
import { expect, test } from "@playwright/test";
import { ADMIN_EMAIL, LoginPage } from "./pages/login-page";

test("audit entries are sentences with formatted money, filtered by action, who and date", async ({
  page,
}) => {
  await new LoginPage(page).signInAs(ADMIN_EMAIL);
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const filters = page.getByRole("form", { name: "Filter the audit log" });
  const entries = page.getByRole("list", { name: "Audit entries list" }).getByRole("listitem");

  await filters.getByLabel("Action").selectOption({ label: "Payout batch paid" });
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=payout_batch\.paid/);
  await expect(entries.first()).toBeVisible();
  for (const entry of await entries.all()) {
    const sentence = entry.getByText(/marked payout batch #\d+ paid: /);
    await expect(sentence).toHaveText(/paid: \$\d{1,3}(,\d{3})*\.\d{2}, reference/);
    await expect(sentence).toBeVisible();
    // The stored keys stay behind "Stored record", closed.
    await expect(entry.getByText("totalCents")).toBeHidden();
  }

  // Who did it: the admin's name narrows to theirs; someone else's leaves nothing.
  const actor = (await entries.first().innerText()).match(/\n?([A-Z][a-z]+ [A-Z][a-z]+) marked/)?.[1];
  expect(actor).toBeTruthy();
  await filters.getByLabel("Who").fill(actor!);
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/actor=/);
  await expect(entries.first()).toContainText(`${actor} marked payout batch`);

  // Dates: a range with nothing in it says so, and the filters stay in the URL to share.
  await filters.getByLabel("From").fill("2001-01-01");
  await filters.getByLabel("To").fill("2001-01-31");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/start_date=2001-01-01.*end_date=2001-01-31/);
  await expect(page.getByRole("heading", { name: "Nothing matches these filters" })).toBeVisible();
  await page.getByRole("link", { name: "Reset" }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);

  // A phone: stacked entries, nothing cut off, no sideways scroll.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/admin/audit");
  await expect(entries.first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const box = await entries.first().boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
});
