// The password policy (zxcvbn score ≥ 3, the person's own name and e-mail count against it): the
// field explains as they type, and the server refuses the same passwords on submit.
import { expect, test } from "@playwright/test";
import { SignupPage } from "./pages/signup-page";

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

test("signup: the reason shows under the field as they type, and the server agrees", async ({ page }) => {
  const signup = new SignupPage(page);
  await signup.goto();
  const email = `robin.quill.${unique()}@example.org`;
  await signup.name.fill("Robin Quill");
  await signup.email.fill(email);
  const status = page.locator("#password-strength");
  await expect(signup.password).toHaveAttribute("aria-describedby", /password-strength/);
  await expect(status).toHaveAttribute("aria-live", "polite");

  await signup.password.pressSequentially("password");
  await expect(status).toContainText("Too easy to guess. This is one of the most used passwords.");
  await signup.password.fill(email);
  await expect(status).toContainText("Don't use your name or e-mail address in your password.");
  await signup.password.fill("robinquill");
  await expect(status).toContainText("Don't use your name or e-mail address in your password.");
  await page.screenshot({ path: "test-results/screens/signup-weak-password.png", fullPage: true });

  // Submitted anyway: refused by the server with the same reason, nothing created.
  await signup.businessType.selectOption("creator");
  await signup.submit.click();
  await expect(page.locator("#password-error")).toContainText("Don't use your name or e-mail address");
  await expect(page).toHaveURL(/\/signup/);

  await signup.password.fill("tangerine orbit walrus");
  await expect(status).toHaveText("✓ Strong enough.");
  await signup.submit.click();
  await expect(page).toHaveURL(/\/dashboard\?welcome=1$/);
});

test("change password: the own e-mail is refused, a strong one is accepted", async ({ page }) => {
  const signup = new SignupPage(page);
  await signup.goto();
  const email = `kit.${unique()}@example.org`;
  await signup.fill({ name: "Kit Marlowe", email, password: "tangerine orbit walrus" });
  await signup.submit.click();
  await expect(page).toHaveURL(/\/dashboard\?welcome=1$/);

  await page.goto("/account/password");
  await page.getByLabel("Current password").fill("tangerine orbit walrus");
  const next = page.getByLabel("New password", { exact: true });
  await next.fill(email);
  const status = page.locator("#newPassword-strength");
  await expect(status).toContainText("Don't use your name or e-mail address in your password.");
  await page.getByLabel("Repeat new password").fill(email);
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page.locator("#newPassword-error")).toContainText("Don't use your name or e-mail address");

  await next.fill("velvet compass harbour lantern");
  await expect(status).toHaveText("✓ Strong enough.");
  await page.getByLabel("Repeat new password").fill("velvet compass harbour lantern");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page).toHaveURL(/passwordChanged=1/);
});
