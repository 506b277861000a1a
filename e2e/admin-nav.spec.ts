import { expect, test } from "@playwright/test";
import { ADMIN_EMAIL, LoginPage } from "./pages/login-page";

// The admin bar keeps the daily pages in view and folds the system pages under one "System" menu.

test("at desktop width the System menu opens, leads to its pages and marks where the admin is", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await new LoginPage(page).signInAs(ADMIN_EMAIL);
  await page.goto("/admin");
  const nav = page.getByRole("navigation", { name: "Main" });
  const system = nav.getByRole("button", { name: "System" });
  await expect(nav.getByRole("link", { name: "Reports" })).toBeVisible();
  // The admin's name is not cut short at 1280 px any more.
  const name = nav.getByRole("link", { name: /Avery/ });
  await expect(name).toBeVisible();
  expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

  await expect(system).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Jobs" })).toBeHidden();
  await system.click();
  await expect(system).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("list", { name: "System" }).getByRole("link")).toHaveText([
    "Invites",
    "Account e-mails",
    "Notifications",
    "Jobs",
    "API keys",
    "Webhooks",
    "Audit log",
  ]);
  // Escape closes it and gives focus back to the button.
  await page.keyboard.press("Escape");
  await expect(system).toHaveAttribute("aria-expanded", "false");
  await expect(system).toBeFocused();

  await system.click();
  await nav.getByRole("link", { name: "Jobs" }).click();
  await expect(page).toHaveURL(/\/admin\/jobs$/);
  await expect(system).toHaveAttribute("aria-expanded", "false");
  await system.click();
  await expect(nav.getByRole("link", { name: "Jobs" })).toHaveAttribute("aria-current", "page");
  // A click elsewhere closes it.
  await page.getByRole("heading", { level: 1 }).click();
  await expect(system).toHaveAttribute("aria-expanded", "false");
});

test("at phone width the menu lists the System pages under their own heading", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await new LoginPage(page).signInAs(ADMIN_EMAIL);
  await page.goto("/admin");
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("button", { name: "Menu" }).click();
  await expect(nav.getByRole("button", { name: "System" })).toBeHidden();
  const system = nav.getByRole("list", { name: "System" });
  await expect(system.getByRole("link", { name: "Webhooks" })).toBeVisible();
  await system.getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
});
