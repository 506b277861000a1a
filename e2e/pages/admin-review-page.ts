import { expect, type Locator, type Page } from "@playwright/test";

/** The review queue at /admin/review: flagged referrals with their evidence, decided one by one or in bulk. */
export class AdminReviewPage {
  readonly queue: Locator;
  readonly bulk: Locator;

  constructor(readonly page: Page) {
    this.queue = page.getByRole("list", { name: "Flagged referrals" });
    this.bulk = page.getByRole("region", { name: "Bulk decision" });
  }

  async goto(): Promise<void> {
    await this.page.goto("/admin/review");
    await expect(this.page.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
  }

  /** The card of the referral whose new client has this name. */
  item(referredName: string): Locator {
    return this.queue.getByRole("listitem").filter({ hasText: referredName });
  }
}
