import { expect, test, type Browser, type Page } from "@playwright/test";
import { ADMIN_EMAIL, LoginPage } from "./pages/login-page";

// The e2e server has no SMTP_URL: account e-mails stay queued, and the admin reads them at /admin/account-emails.
const NEW_PASSWORD = "Saffron-Lighthouse-Meadow-58";
const SAME_ANSWER =
  "If an account uses that address, we have sent it a link to choose a new password. The link works for 30 minutes.";

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

/** The newest reset link sent to `email`, read from the admin outbox. */
async function latestResetLink(admin: Page, email: string): Promise<string> {
  await admin.goto("/admin/account-emails");
  const row = admin
    .getByRole("region", { name: "Account e-mails" })
    .getByRole("row")
    .filter({ hasText: email })
    .first();
  await expect(row).toContainText("Password reset");
  await expect(row).toContainText("Queued");
  await row.locator("summary").click();
  const body = await row.locator("pre").textContent();
  const link = /https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+/.exec(body ?? "")?.[0];
  expect(link, body ?? "").toBeTruthy();
  return new URL(link!).pathname + new URL(link!).search;
}

test("forgot password: the e-mailed link sets a new password once and signs the other devices out", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const admin = await newPage(browser);
  await new LoginPage(admin).signInAs(ADMIN_EMAIL);
  const email = `reset.${Date.now()}@example.org`;
  const created = await admin.request.post("/api/clients", {
    data: { name: "Robin Reset", email, business_type: "creator" },
  });
  expect(created.status()).toBe(201);
  const tempPassword: string = (await created.json()).data.temp_password;

  // Another device signed in with the temporary password, which must still be changed first.
  const otherDevice = await newPage(browser);
  await new LoginPage(otherDevice).signInAs(email, tempPassword);
  await expect(otherDevice).toHaveURL(/\/account\/password/);
  await otherDevice.goto("/dashboard");
  await expect(otherDevice).toHaveURL(/\/account\/password/);

  // The API answers an unknown address exactly as a known one.
  const anonymous = await newPage(browser);
  const unknown = await anonymous.request.post("/api/auth/password-reset", {
    data: { email: `nobody.${Date.now()}@example.org` },
  });
  const known = await anonymous.request.post("/api/auth/password-reset", { data: { email } });
  expect([unknown.status(), known.status()]).toEqual([202, 202]);
  expect(await unknown.json()).toEqual(await known.json());
  const olderLink = await latestResetLink(admin, email);

  // The login page links to the form; the form gives the same answer.
  await anonymous.goto("/login");
  await anonymous.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(anonymous).toHaveURL(/\/forgot-password$/);
  await anonymous.getByLabel("Email").fill(email);
  await anonymous.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(anonymous.getByText(SAME_ANSWER)).toBeVisible();
  const link = await latestResetLink(admin, email);
  expect(link).not.toBe(olderLink);

  await anonymous.goto(link);
  await anonymous.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await anonymous.getByLabel("Repeat new password").fill(NEW_PASSWORD);
  await anonymous.getByRole("button", { name: "Set new password" }).click();
  await expect(anonymous).toHaveURL(/\/login\?reset=1/);
  await expect(
    anonymous.getByText("Your password has been changed. Sign in with the new one."),
  ).toBeVisible();
  await new LoginPage(anonymous).signIn(email, NEW_PASSWORD);
  await expect(anonymous).toHaveURL(/\/dashboard/);

  // The other device's session ended with the reset.
  await otherDevice.goto("/dashboard");
  await expect(otherDevice).toHaveURL(/\/login/);

  // The old password no longer works; the used link and the older one are refused.
  const login = new LoginPage(otherDevice);
  await login.goto();
  await login.signIn(email, tempPassword);
  await expect(login.mismatchError).toBeVisible();
  for (const used of [link, olderLink]) {
    await otherDevice.goto(used);
    await otherDevice.getByLabel("New password", { exact: true }).fill("Another-Harbour-Lantern-77");
    await otherDevice.getByLabel("Repeat new password").fill("Another-Harbour-Lantern-77");
    await otherDevice.getByRole("button", { name: "Set new password" }).click();
    await expect(otherDevice.getByText("This reset link has already been used.")).toBeVisible();
  }

  // A password change keeps the session that made it and ends the others.
  await new LoginPage(otherDevice).signInAs(email, NEW_PASSWORD);
  await anonymous.goto("/account/password");
  await anonymous.getByLabel("Current password").fill(NEW_PASSWORD);
  await anonymous.getByLabel("New password", { exact: true }).fill("Juniper-Quarry-Beacon-64");
  await anonymous.getByLabel("Repeat new password").fill("Juniper-Quarry-Beacon-64");
  await anonymous.getByRole("button", { name: "Save new password" }).click();
  await expect(anonymous).toHaveURL(/\/dashboard\?passwordChanged=1/);
  await anonymous.goto("/account");
  await expect(anonymous.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await otherDevice.goto("/dashboard");
  await expect(otherDevice).toHaveURL(/\/login/);
});
