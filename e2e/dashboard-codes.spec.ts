import { expect, test } from "@playwright/test";
import { LoginPage } from "./pages/login-page";
import { SignupPage } from "./pages/signup-page";

test("a referrer creates a code from a suggestion, copies its link, and deactivates it", async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await new LoginPage(page).signInAs("rose@example.com");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/codes");

  const create = page.getByRole("region", { name: "Create another code" });
  const suggestions = create.getByRole("group", { name: "Suggested codes" }).getByRole("button");
  await expect(suggestions).toHaveCount(5);
  const suggestion = (await suggestions.first().textContent())!.trim();
  // A click before the form has hydrated does nothing; retry until the chip fills the field.
  await expect(async () => {
    await suggestions.first().click();
    await expect(create.getByLabel("Code", { exact: true })).toHaveValue(suggestion, { timeout: 1000 });
  }).toPass();
  await create.getByLabel("Friendly name (optional)").fill("Instagram bio");
  await create.getByLabel("Usage limit").fill("5");
  await create.getByRole("button", { name: "Create code" }).click();
  await expect(page.getByText(`Code ${suggestion} created.`)).toBeVisible();
  // The form is cleared for the next code.
  await expect(create.getByLabel("Code", { exact: true })).toHaveValue("");

  const row = page.getByTestId(`code-${suggestion}`);
  await expect(row).toContainText("Instagram bio");
  await expect(row).toContainText("0 / 5");
  await expect(row).toContainText("Active");
  await page.screenshot({ path: "test-results/screens/dashboard-codes.png", fullPage: true });

  await row.getByRole("button", { name: `Copy invite link for ${suggestion}` }).click();
  await expect(row.getByRole("button", { name: `Copy invite link for ${suggestion}` })).toHaveText("Copied!");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/r/${suggestion}`);

  await row.getByRole("button", { name: `Deactivate ${suggestion}` }).click();
  await expect(row).toContainText("Inactive");
  // A visitor (signed out, so a fresh context) is told the code is inactive.
  const visitor = await browser.newContext();
  const signup = new SignupPage(await visitor.newPage());
  await signup.goto(suggestion);
  await expect(signup.codeStatus).toHaveText("✗ Referral code not found or inactive");
  await visitor.close();

  await row.getByRole("button", { name: `Reactivate ${suggestion}` }).click();
  await expect(row).toContainText("Active");
});

test("a custom code that collides in canonical form is refused under its field, naming the code", async ({
  page,
}) => {
  await new LoginPage(page).signInAs("rose@example.com");
  await page.goto("/dashboard/codes");
  // Typed codes show in capitals; the placeholder sentence does not.
  const field = page.getByLabel("Code", { exact: true });
  expect(await field.evaluate((el) => getComputedStyle(el, "::placeholder").textTransform)).toBe("none");
  expect(await field.evaluate((el) => getComputedStyle(el).textTransform)).toBe("uppercase");
  await page.getByLabel("Code", { exact: true }).fill("maya-2o25");
  await page.getByRole("button", { name: "Create code" }).click();
  await expect(
    page.getByText('Code "MAYA-2O25" reads the same as MAYA2025, which already exists'),
  ).toBeVisible();
  await expect(page.getByLabel("Code", { exact: true })).toHaveValue("maya-2o25");
});

test("a referrer edits a code's limit and cannot set it below the uses so far", async ({ page }) => {
  await new LoginPage(page).signInAs("maya@example.com");
  await page.goto("/dashboard/codes");
  const row = page.getByTestId("code-MAYAFULL");
  await row.getByText(/^Edit /).click();
  await row.getByLabel("Usage limit").fill("1");
  await row.getByRole("button", { name: "Save changes" }).click();
  await expect(row.getByText("Usage limit can't be lower than the uses so far (2)")).toBeVisible();
  await row.getByLabel("Usage limit").fill("4");
  await row.getByRole("button", { name: "Save changes" }).click();
  await expect(row).toContainText("2 / 4");
  await expect(row).toContainText("Active");
});
