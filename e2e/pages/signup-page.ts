import { expect, type Locator, type Page } from "@playwright/test";

/** The signup screen at /signup, with its live-validated referral-code field. */
export class SignupPage {
  readonly name: Locator;
  readonly email: Locator;
  readonly phone: Locator;
  readonly password: Locator;
  readonly businessType: Locator;
  readonly referralCode: Locator;
  readonly codeStatus: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByLabel("Name", { exact: true });
    this.email = page.getByLabel("Email", { exact: true });
    this.phone = page.getByLabel("Phone (optional)");
    this.password = page.getByLabel("Password", { exact: true });
    this.businessType = page.getByLabel("Business type");
    this.referralCode = page.getByLabel("Referral code (optional)");
    this.codeStatus = page.locator("#referralCode-status");
    this.submit = page.getByRole("button", { name: "Create account" });
  }

  async goto(ref?: string): Promise<void> {
    await this.page.goto(ref ? `/signup?ref=${encodeURIComponent(ref)}` : "/signup");
    await expect(this.submit).toBeVisible();
  }

  async fill(details: {
    name: string;
    email: string;
    password: string;
    phone?: string;
    businessType?: string;
  }) {
    await this.name.fill(details.name);
    await this.email.fill(details.email);
    if (details.phone) await this.phone.fill(details.phone);
    await this.password.fill(details.password);
    await this.businessType.selectOption(details.businessType ?? "creator");
  }
}
