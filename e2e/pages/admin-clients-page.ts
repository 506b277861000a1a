import { expect, type Locator, type Page } from "@playwright/test";

/** /admin/clients: the client list with its search, and the "New client" form with its one-time password. */
export class AdminClientsPage {
  readonly name: Locator;
  readonly email: Locator;
  readonly create: Locator;
  readonly created: Locator;
  readonly tempPassword: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    const form = page.getByRole("form", { name: "New client" });
    this.name = form.getByLabel("Name", { exact: true });
    this.email = form.getByLabel("E-mail", { exact: true });
    this.create = form.getByRole("button", { name: "Create client" });
    this.created = page.getByTestId("created-client");
    this.tempPassword = page.getByTestId("temp-password");
    this.search = page.getByRole("searchbox", { name: "Search" });
  }

  async goto(): Promise<void> {
    await this.page.goto("/admin/clients");
    await expect(this.create).toBeVisible();
  }

  /** Creates a client and returns the temporary password and code shown for it. */
  async createClient(name: string, email: string): Promise<{ password: string; code: string }> {
    await this.name.fill(name);
    await this.email.fill(email);
    await this.create.click();
    await expect(this.tempPassword).toBeVisible();
    const password = ((await this.tempPassword.textContent()) ?? "").trim();
    const code = ((await this.created.getByTestId("created-code").textContent()) ?? "").trim();
    return { password, code };
  }
}

/** /admin/clients/[id]: one client, with suspend / reactivate. */
export class AdminClientPage {
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByTestId("client-status");
  }

  async setStatus(target: "suspended" | "active"): Promise<void> {
    const [open, confirm] =
      target === "suspended" ? ["Suspend client", "Yes, suspend"] : ["Reactivate client", "Yes, reactivate"];
    await this.page.getByRole("button", { name: open }).click();
    await this.page.getByRole("button", { name: confirm }).click();
    await expect(this.status).toHaveText(target);
  }
}
