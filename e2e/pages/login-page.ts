import { expect, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password-123"; // set for the server by e2e/serve.mjs
export const ADMIN_EMAIL = "admin@example.com";
export const MAYA_EMAIL = "maya@example.com";

/** The sign-in screen at /login. */
export class LoginPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  /** Shown for a wrong password and for an unknown address alike (no account enumeration). */
  readonly mismatchError: Locator;

  constructor(readonly page: Page) {
    this.email = page.getByLabel("Email", { exact: true });
    this.password = page.getByLabel("Password", { exact: true });
    this.submit = page.getByRole("button", { name: "Sign in" });
    this.mismatchError = page.getByText("That e-mail and password don't match an account.");
  }

  async goto(): Promise<void> {
    await this.page.goto("/login");
    await expect(this.submit).toBeVisible();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Opens /login, signs in and waits until the browser has left the login page. */
  async signInAs(email: string, password = DEMO_PASSWORD): Promise<void> {
    await this.goto();
    await this.signIn(email, password);
    // The password hash, then the first render of the page behind it: with two servers and their
    // browsers sharing two cores this can take longer than the default 10 s for a single expectation.
    await expect(this.page).not.toHaveURL(/\/login(\?|$)/, { timeout: 30_000 });
  }
}
