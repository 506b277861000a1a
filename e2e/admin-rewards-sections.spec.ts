// /admin/rewards in sections: one section at a time (kept in the URL), each saved with one button, and a
// warning before leaving with unsaved edits — for in-app links (a confirm) and for unloading the page.
import { expect, test } from "@playwright/test";
import { ADMIN_EMAIL, LoginPage } from "./pages/login-page";

const LEAVE = "You have unsaved changes. Leave this page and lose them?";

test("a section is saved with its one button, every rule in it at once", async ({ page }) => {
  await new LoginPage(page).signInAs(ADMIN_EMAIL);
  await page.goto("/admin/rewards");
  const tabs = page.getByRole("navigation", { name: "Rewards sections" });
  for (const name of ["Points per referral", "Tiers", "Offers", "Milestones", "Expiry", "Catalog"]) {
    await expect(tabs.getByRole("link", { name })).toBeVisible();
  }
  await tabs.getByRole("link", { name: "Milestones" }).click();
  await expect(page).toHaveURL(/section=milestones/);
  const section = page.getByRole("region", { name: "Milestones & badges" });
  await expect(section.getByRole("button")).toHaveCount(1); // one Save for the whole section
  await expect(page.getByRole("button", { name: /^Save/ })).toHaveCount(1);

  const unlocks = section.getByLabel("Unlocks (optional)");
  await expect(unlocks).toHaveCount(3);
  const label = `Sticker ${Date.now() % 100000}`;
  await unlocks.first().fill(label);
  await expect(section.getByText("Unsaved changes")).toBeVisible();
  await section.getByRole("button", { name: "Save milestones" }).click();
  await expect(section.getByText("Saved 3 rules. New points follow them from now on.")).toBeVisible();
  await expect(section.getByText("Unsaved changes")).toHaveCount(0);
  await page.reload();
  await expect(
    page.getByRole("region", { name: "Milestones & badges" }).getByLabel("Unlocks (optional)").first(),
  ).toHaveValue(label);

  // The audit log says it in a sentence.
  await page.goto("/admin/audit?action=reward_rule.update");
  await expect(
    page.getByRole("list", { name: "Audit entries list" }).getByRole("listitem").first(),
  ).toContainText("updated the milestone");
});

test("leaving with unsaved changes asks first, by link or by unloading the page", async ({ page }) => {
  await new LoginPage(page).signInAs(ADMIN_EMAIL);
  await page.goto("/admin/rewards?section=tiers");
  const section = page.getByRole("region", { name: "Tiered schedule" });
  const points = section.getByLabel("Tier 2: points per referral");
  const before = await points.inputValue();
  await points.fill("123");
  await expect(section.getByText("Unsaved changes")).toBeVisible();

  // An in-app link: cancel stays with the edit, OK leaves.
  page.once("dialog", async (dialog) => {
    expect(dialog.type()).toBe("confirm");
    expect(dialog.message()).toBe(LEAVE);
    await dialog.dismiss();
  });
  await page
    .getByRole("navigation", { name: "Rewards sections" })
    .getByRole("link", { name: "Expiry" })
    .click();
  await expect(page).toHaveURL(/section=tiers/);
  await expect(points).toHaveValue("123");

  // Unloading the page (close, reload, another site): the browser's own prompt.
  const unload = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const dialog = await unload;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.accept();
  expect(before).not.toBe("123");
});

test("with nothing edited, links leave without a question", async ({ page }) => {
  await new LoginPage(page).signInAs(ADMIN_EMAIL);
  await page.goto("/admin/rewards?section=expiry");
  let asked = false;
  page.on("dialog", (d) => {
    asked = true;
    void d.dismiss();
  });
  await page
    .getByRole("navigation", { name: "Rewards sections" })
    .getByRole("link", { name: "Catalog" })
    .click();
  await expect(page).toHaveURL(/section=catalog/);
  await expect(page.getByRole("button", { name: "Save catalog" })).toBeVisible();
  expect(asked).toBe(false);
});
