import { expect, type Locator, type Page } from "@playwright/test";

/** /admin/campaigns and a campaign's own page. */
export class CampaignsPage {
  readonly newCampaign: Locator;

  constructor(readonly page: Page) {
    this.newCampaign = page.getByRole("region", { name: "New campaign" });
  }

  async goto(): Promise<void> {
    await this.page.goto("/admin/campaigns");
    await expect(this.page.getByRole("heading", { name: "Campaigns", level: 1 })).toBeVisible();
  }

  async create(c: { name: string; ratePercent: string; startsOn: string; endsOn: string }): Promise<void> {
    const form = this.newCampaign;
    await form.getByLabel("Name").fill(c.name);
    await form.getByLabel("Commission").selectOption("percentage");
    await form.getByLabel("Rate (%)").fill(c.ratePercent);
    await form.getByLabel("Starts (UTC, optional)").fill(c.startsOn);
    await form.getByLabel("Ends (UTC, optional)").fill(c.endsOn);
    await form.getByRole("button", { name: "Create campaign" }).click();
    await expect(this.page).toHaveURL(/\/admin\/campaigns\/\d+\?created=1$/);
  }

  async linkCodes(codes: string): Promise<void> {
    await this.page.getByLabel("Link codes").fill(codes);
    await this.page.getByRole("button", { name: "Link", exact: true }).click();
  }
}
