import { expect, test } from "@playwright/test";
import { AdminInvitesPage, EmailInvitesCard } from "./pages/email-invites";
import { ADMIN_EMAIL, LoginPage, MAYA_EMAIL } from "./pages/login-page";

// Long multi-page journeys: beside the other server's specs on two cores they can pass a minute.
test.describe.configure({ timeout: 120_000 });

// The e2e server has no SMTP_URL, so every accepted invite stays queued: the admin outbox.
test("a referrer invites by e-mail and an admin reads the queued invite in the outbox", async ({
  browser,
}) => {
  const newFriend = `friend-${Date.now()}@example.net`;

  const referrerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await referrerContext.newPage();
  await new LoginPage(page).signInAs(MAYA_EMAIL);
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/codes");

  const invites = new EmailInvitesCard(page);
  await expect(invites.card).toContainText("of 20 invites left today");
  const code = (await invites.code.locator("option:checked").textContent())!.trim();

  // A bad address is refused with its name, and what was typed is kept.
  await invites.addresses.fill(`${newFriend}, not-an-email`);
  await invites.send.click();
  await expect(invites.card.getByText('"not-an-email" is not a valid e-mail address')).toBeVisible();
  await expect(invites.addresses).toHaveValue(`${newFriend}, not-an-email`);

  await invites.addresses.fill(`${newFriend}\nsarah@example.com, ${newFriend.toUpperCase()}`);
  await invites.send.click();
  await expect(invites.results).toBeVisible();
  await expect(invites.result(newFriend).first()).toContainText("Queued");
  await expect(invites.result(newFriend).first()).toContainText("In the outbox");
  await expect(invites.result("sarah@example.com")).toContainText("Skipped");
  await expect(invites.result("sarah@example.com")).toContainText("Already a MuseNest client");
  await expect(invites.result(newFriend).nth(1)).toContainText("Skipped");
  await expect(invites.result(newFriend).nth(1)).toContainText("Duplicate in this list");
  await expect(invites.card.getByText("Invites: 1 in the outbox, 2 skipped.")).toBeVisible();
  await expect(invites.card).toContainText("19 of 20 invites left today");
  await expect(invites.addresses).toHaveValue("");
  const recentForFriend = invites.recent.getByRole("listitem").filter({ hasText: newFriend });
  await expect(recentForFriend.filter({ hasText: "Queued" })).toHaveCount(1);
  await expect(recentForFriend.filter({ hasText: "Duplicate in this list" })).toHaveCount(1);
  await invites.card.screenshot({ path: "test-results/screens/email-invites-card.png" });

  // Sending to the same person again is skipped rather than nagging them.
  await invites.addresses.fill(newFriend);
  await invites.send.click();
  await expect(invites.card.getByText("Invites: 1 skipped.")).toBeVisible();
  await expect(invites.result(newFriend)).toContainText("Already invited in the last 30 days");
  await referrerContext.close();

  const adminContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const adminPage = await adminContext.newPage();
  await new LoginPage(adminPage).signInAs(ADMIN_EMAIL);
  const outbox = new AdminInvitesPage(adminPage);
  await outbox.goto("queued");
  const row = outbox.row(newFriend);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Queued");
  await expect(row).toContainText(code);
  await expect(row).toContainText("Maya");
  await row.locator("summary").click();
  await expect(row).toContainText(`Sign up with code ${code}`);
  await expect(row).toContainText(`/r/${code}?src=email`);
  await adminPage.screenshot({ path: "test-results/screens/admin-invites.png", fullPage: true });

  // The status filter is a link: "skipped" shows Sarah's row, not the queued one.
  await outbox.goto("skipped");
  await expect(outbox.row("sarah@example.com").first()).toContainText("Already a MuseNest client");
  await expect(outbox.row(newFriend).filter({ hasText: "Queued" })).toHaveCount(0);
  await adminContext.close();
});
