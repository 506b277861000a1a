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
  readonly moreFilters: Locator;
  readonly columnsButton: Locator;
  readonly columnsPanel: Locator;
  /** The table's column headers (the selection checkbox's aside), in their order. */
  readonly columnHeaders: Locator;
  readonly grid: Locator;

  constructor(readonly page: Page) {
    this.startDate = page.getByLabel("Signed up from");
    this.endDate = page.getByLabel("Signed up to");
    this.status = page.getByRole("combobox", { name: "Commission status" });
    this.referrer = page.getByLabel("Referrer", { exact: true });
    this.apply = page.getByRole("button", { name: "Apply filters" });
    this.filteredTotal = page.getByTestId("filtered-total");
    this.table = page.getByRole("region", { name: "Referrals" }).getByRole("table");
    this.exportCsv = page.getByRole("button", { name: "Export CSV" });
    this.exportJson = page.getByRole("button", { name: "Export JSON" });
    this.selectedCount = page.getByTestId("selected-count");
    this.moreFilters = page.locator("summary", { hasText: "More filters" });
    this.columnsButton = page.locator("summary", { hasText: "Columns" });
    this.columnsPanel = page.getByRole("group", { name: "Choose and order columns" });
    this.columnHeaders = this.table.locator("thead th[data-column]");
    this.grid = page.getByTestId("referrals-grid");
  }

  /** Opens the folded filters (commission status, referrer, campaign, source, flagged) if closed. */
  async openMoreFilters(): Promise<void> {
    if (!(await this.status.isVisible())) await this.moreFilters.click();
    await expect(this.status).toBeVisible();
  }

  /** The visible column headers as the table writes them (sort arrows left out). */
  async headerLabels(): Promise<string[]> {
    const texts = await this.columnHeaders.allTextContents();
    return texts.map((t) => t.replace(/[▲▼↕]/g, "").trim());
  }

  /** A key figure's card by its id (signups, clicks, conversion, paying, commission). */
  keyFigure(id: string): { value: Locator; change: Locator } {
    const card = this.page.locator(`[data-testid="key-figure"][data-figure="${id}"]`);
    return { value: card.getByTestId("key-figure-value"), change: card.getByTestId("key-figure-change") };
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
