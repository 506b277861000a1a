import { expect, type Locator, type Page } from "@playwright/test";

/** The dashboard's "Invite by e-mail" card. */
export class EmailInvitesCard {
  readonly card: Locator;
  readonly code: Locator;
  readonly addresses: Locator;
  readonly send: Locator;
  readonly results: Locator;
  readonly recent: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByRole("region", { name: "Invite by e-mail" });
    this.code = this.card.getByLabel("Code to invite with");
    this.addresses = this.card.getByLabel("E-mail addresses");
    this.send = this.card.getByRole("button", { name: "Send invites" });
    this.results = this.card.getByRole("region", { name: "What happened to each address" });
    this.recent = this.card.getByRole("region", { name: "Recent invites" });
  }

  /** The result line of one address (the first, when a duplicate appears twice). */
  result(email: string): Locator {
    return this.results.getByRole("listitem").filter({ hasText: email });
  }
}

/** The admin outbox at /admin/invites. */
export class AdminInvitesPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole("region", { name: "Invites" }).getByRole("table");
  }

  async goto(status?: string): Promise<void> {
    await this.page.goto(status ? `/admin/invites?status=${status}` : "/admin/invites");
    await expect(this.page.getByRole("heading", { level: 1, name: "E-mail invites" })).toBeVisible();
  }

  row(recipient: string): Locator {
    return this.table.getByRole("row").filter({ hasText: recipient });
  }
}
