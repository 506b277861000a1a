import { expect, type Locator, type Page } from "@playwright/test";

/** The admin reports page at /admin: filters, the referrals table with its totals, exports and charts. */
export class AdminReportsPage {
  readonly startDate: Locator;
  readonly endDate: Locator;
  readonly status: Locator;
  readonly referrer: Locator;
  readonly apply: Locator;
  readonly filteredTotal: Locator;
  readonly table: Locator;
  readonly exportCsv: Locator;
  readonly exportJson: Locator;
  readonly selectedCount: Locator;

  constructor(readonly page: Page) {
    this.startDate = page.getByLabel("Signed up from");
    this.endDate = page.getByLabel("Signed up to");
    this.status = page.getByLabel("Commission status");
    this.referrer = page.getByLabel("Referrer", { exact: true });
    this.apply = page.getByRole("button", { name: "Apply filters" });
    this.filteredTotal = page.getByTestId("filtered-total");
    this.table = page.getByRole("region", { name: "Referrals" }).getByRole("table");
    this.exportCsv = page.getByRole("button", { name: "Export CSV" });
    this.exportJson = page.getByRole("button", { name: "Export JSON" });
    this.selectedCount = page.getByTestId("selected-count");
  }

  async goto(query = ""): Promise<void> {
    await this.page.goto(query ? `/admin?${query}` : "/admin");
    await expect(this.filteredTotal).toBeVisible();
  }

  /** The number of referrals the current filters select, as the table says it. */
  async total(): Promise<number> {
    const text = (await this.filteredTotal.textContent()) ?? "";
    return Number(text.replace(/[^\d]/g, ""));
  }

  rowCheckboxes(): Locator {
    return this.table.locator("tbody").getByRole("checkbox");
  }
}
