// Client management in the browser: an admin creates a client (the temporary password is shown once),
// suspends them (they can't sign in, their code stops validating), reactivates them; API keys are shown
// once and revoked; every step lands in the audit log.
import { expect, test } from "@playwright/test";
import { AdminClientPage, AdminClientsPage } from "./pages/admin-clients-page";
import { ADMIN_EMAIL, LoginPage } from "./pages/login-page";
import { screens } from "./support/screens";

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

test("admin creates a client, sees the temporary password once; suspended, the client can't sign in", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await new LoginPage(page).signInAs(ADMIN_EMAIL);
  const clients = new AdminClientsPage(page);
  await clients.goto();

  const email = `dana.${unique()}@example.com`;
  const { password, code } = await clients.createClient("Dana Scully", email);
  expect(password.length).toBeGreaterThanOrEqual(10);
  await expect(page.getByRole("link", { name: "Dana Scully" }).first()).toBeVisible(); // in the list now
  await screens(page, "admin-clients-created");

  // Shown once: it is in no page the admin can open again.
  await page.reload();
  await expect(clients.tempPassword).toHaveCount(0);
  await expect(page.getByText(password)).toHaveCount(0);

  // The client can sign in with it (and is asked to change it) …
  const clientContext = await browser.newContext();
  const clientPage = await clientContext.newPage();
  const login = new LoginPage(clientPage);
  await login.goto();
  await login.signIn(email, password);
  await expect(clientPage).toHaveURL(/\/account\/password/);
  await clientContext.clearCookies();

  // … until the admin suspends them.
  await page.goto("/admin/clients");
  await clients.search.fill(email);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: "Dana Scully" }).click();
  const detail = new AdminClientPage(page);
  await expect(detail.status).toHaveText("active");
  await detail.setStatus("suspended");
  await screens(page, "admin-client-suspended");

  await login.goto();
  await login.signIn(email, password);
  await expect(clientPage.getByText("This account is suspended. Contact support.")).toBeVisible();
  await expect(clientPage).toHaveURL(/\/login/);
  const validate = await clientPage.request.get(`/api/referral-codes/validate/${encodeURIComponent(code)}`);
  expect(await validate.json()).toEqual({ valid: false, error: "Referral code not found or inactive" });

  await detail.setStatus("active");
  await login.signIn(email, password);
  await expect(clientPage).toHaveURL(/\/account\/password/);
  await clientContext.close();

  await page.goto(`/admin/audit?entity_type=user&actor=admin%40example.com`);
  const log = page.getByRole("region", { name: "Audit entries" });
  // Each step as the log's sentence (lib/audit/describe-audit-entry.ts), not its raw action key.
  await expect(log.getByText(/Avery Admin reactivated /).first()).toBeVisible();
  await expect(log.getByText(/Avery Admin suspended /).first()).toBeVisible();
  await expect(log.getByText(/Avery Admin created the account of /).first()).toBeVisible();
  await screens(page, "admin-audit");
});

test("an API key is shown once, works, and stops working when revoked", async ({ page }) => {
  await new LoginPage(page).signInAs(ADMIN_EMAIL);
  await page.goto("/admin/api-keys");
  const name = `Billing ${unique()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  const key = ((await page.getByTestId("new-api-key").textContent()) ?? "").trim();
  expect(key).toMatch(/^mnk_/);
  await screens(page, "admin-api-keys");

  const anonymous = await page.context().browser()!.newContext();
  const exportWith = () =>
    anonymous.request.get(
      "/api/admin/referral-export?format=json&start_date=2000-01-01&end_date=2000-01-02",
      {
        headers: { authorization: `Bearer ${key}` },
      },
    );
  expect((await exportWith()).status()).toBe(200);

  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await page.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: name })
      .getByText(/^Revoked/),
  ).toBeVisible();
  expect((await exportWith()).status()).toBe(401);
  await anonymous.close();

  await page.goto("/admin/audit?entity_type=api_key");
  const log = page.getByRole("region", { name: "Audit entries" });
  await expect(
    log.getByText(/Avery Admin revoked API key #\d+; it no longer authenticates/).first(),
  ).toBeVisible();
  await expect(log.getByText(/Avery Admin created API key “/).first()).toBeVisible();
});
