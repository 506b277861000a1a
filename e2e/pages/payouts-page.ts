import { expect, type Locator, type Page } from "@playwright/test";

/** /admin/payouts and a batch's page. */
export class PayoutsPage {
  readonly readyToPay: Locator;

  constructor(readonly page: Page) {
    this.readyToPay = page.getByRole("region", { name: "Ready to pay" });
  }

  async goto(): Promise<void> {
    await this.page.goto("/admin/payouts");
    await expect(this.page.getByRole("heading", { name: "Payouts", level: 1 })).toBeVisible();
  }

  async approveDue(): Promise<void> {
    await this.page.getByRole("button", { name: /Approve due commissions/ }).click();
    await expect(
      this.page.getByText(/Approved \d+ commissions?\.|No commission has finished its hold yet\./),
    ).toBeVisible();
  }

  /** Creates a batch paying only the given referrers (by name). */
  async createBatchFor(names: string[]): Promise<void> {
    await this.readyToPay.getByRole("checkbox", { name: "Pay everyone listed" }).uncheck();
    for (const name of names) await this.readyToPay.getByRole("checkbox", { name: `Pay ${name}` }).check();
    await this.readyToPay.getByRole("button", { name: "Create payout batch" }).click();
    await expect(this.page).toHaveURL(/\/admin\/payouts\/\d+\?created=1$/);
  }

  async markPaid(reference: string): Promise<void> {
    await this.page.getByLabel("Payment reference").fill(reference);
    await this.page.getByRole("button", { name: "Mark as paid" }).click();
    await expect(this.page.getByText(`Batch marked as paid (reference ${reference}).`)).toBeVisible();
  }
}
