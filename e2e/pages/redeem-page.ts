import { expect, type Locator, type Page } from "@playwright/test";

/** The rewards screen at /redeem: balance, the catalog, coupons and points history. */
export class RedeemPage {
  readonly heading: Locator;
  readonly coupons: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Redeem points" });
    this.coupons = page.getByRole("region", { name: "Your coupons" });
    this.history = page.getByRole("region", { name: "Points history" });
  }

  async goto(): Promise<void> {
    await this.page.goto("/redeem");
    await expect(this.heading).toBeVisible();
  }

  /** The number on a stat card ("Available points" → 1250). */
  async stat(label: string): Promise<number> {
    const value = this.page.locator(`xpath=//p[normalize-space()='${label}']/following-sibling::p[1]`);
    return Number((await value.innerText()).replace(/[^\d]/g, ""));
  }

  reward(name: string): Locator {
    return this.page.getByRole("group", { name, exact: true });
  }

  /** Redeem → Confirm; resolves to the coupon code shown in the reward's card. */
  async redeem(name: string, costPoints: number): Promise<string> {
    const card = this.reward(name);
    await card.getByRole("button", { name: `Redeem ${name}` }).click();
    await card.getByRole("button", { name: `Confirm: spend ${costPoints} points on ${name}` }).click();
    const code = card.getByRole("status").locator("code");
    await expect(code).toHaveText(/^MN-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    return code.innerText();
  }
}
