import { expect, type Locator, type Page } from "@playwright/test";

/** The review queue at /admin/review: flagged referrals with their evidence, decided one by one or in bulk. */
export class AdminReviewPage {
  readonly queue: Locator;
  readonly bulk: Locator;
  readonly reasons: Locator;
  /** The cards (the list's own items, not the reasons listed inside each). */
  readonly cards: Locator;

  constructor(readonly page: Page) {
    this.queue = page.getByRole("list", { name: "Flagged referrals" });
    this.bulk = page.getByRole("region", { name: "Bulk decision" });
    this.reasons = page.getByRole("navigation", { name: "Filter by reason" });
    this.cards = this.queue.locator(":scope > li");
  }

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/admin/review${query ? `?${query}` : ""}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
  }

  /** The card of the referral whose new client has this name. */
  item(referredName: string): Locator {
    return this.cards.filter({ hasText: referredName });
  }

  /** One evidence row of a card (ip, device, mailbox, phone, velocity, email, agent, joined). */
  evidence(item: Locator, key: string): Locator {
    return item.locator(`tr[data-evidence="${key}"]`);
  }
}
