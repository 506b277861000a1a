import { expect, test } from "@playwright/test";
import { ADMIN_EMAIL, LoginPage } from "./pages/login-page";

// Runs after commissions.spec.ts (which pays only Amanda), so Maya's approved demo balance is still unpaid.
test("an admin adds selected referrals to a payout from the reports table", async ({ page }) => {
  await new LoginPage(page).signInAs(ADMIN_EMAIL);
  await page.goto("/admin?commission_status=approved&referrer=maya%40example.com");
  const firstRow = page.getByRole("checkbox", { name: /^Select referral of / }).first();
  await firstRow.check();
  const pay = page.getByRole("group", { name: "Pay selected referrals" });
  await pay.getByRole("button", { name: "Add to a payout" }).click();
  await expect(pay.getByText(/Create a payout batch for the referrers of 1 referral\?/)).toBeVisible();
  await pay.getByRole("button", { name: "Yes, create the payout" }).click();
  await expect(page).toHaveURL(/\/admin\/payouts\/\d+\?created=1$/);
  const lines = page.getByRole("region", { name: "Referrers in this batch" });
  await expect(lines).toContainText("Maya");
  await expect(lines).not.toContainText("Amanda");

  // The same selection again has nothing left to pay, and says so.
  await page.goto("/admin?commission_status=approved&referrer=maya%40example.com");
  const rows = page.getByRole("checkbox", { name: /^Select referral of / });
  if ((await rows.count()) > 0) {
    await rows.first().check();
    await pay.getByRole("button", { name: "Add to a payout" }).click();
    await pay.getByRole("button", { name: "Yes, create the payout" }).click();
    await expect(
      pay.getByText("None of the selected referrals has an approved commission that isn't in a payout yet."),
    ).toBeVisible();
  }
});
