// The review queue: an admin approves a flagged referral, it leaves the queue, and its held commission is
// released. The test makes its own flagged referral (a disposable e-mail domain) so the demo's stay put.
import { expect, test } from "@playwright/test";
import { AdminReportsPage } from "./pages/admin-reports-page";
import { AdminReviewPage } from "./pages/admin-review-page";
import { ADMIN_EMAIL, LoginPage, MAYA_EMAIL } from "./pages/login-page";

const DAY = 86_400_000;
const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

test("an admin approves a flagged referral: it leaves the queue and its commission is released", async ({
  page,
}) => {
  await new LoginPage(page).signInAs(ADMIN_EMAIL);
  const id = unique();
  const name = `Flagged Client ${id.slice(-6)}`;
  const created = await page.request.post("/api/clients", {
    data: {
      name,
      email: `flagged.${id}@mailinator.com`,
      business_type: "creator",
      referral_code: "MAYA2025",
    },
  });
  expect(created.status()).toBe(201);
  const userId = (await created.json()).data.user_id as number;
  // Paid 31 days ago: past the refund hold, so only the review keeps the commission back.
  const payment = await page.request.post("/api/payments", {
    data: {
      external_id: `inv_review_${id}`,
      user_id: userId,
      amount_cents: 3995,
      type: "payment",
      occurred_at: new Date(Date.now() - 31 * DAY).toISOString(),
    },
  });
  expect(payment.status()).toBe(201);
  const [commission] = (await payment.json()).data.commissions as { id: number; status: string }[];
  expect(commission.status).toBe("pending");

  const clients = await (await page.request.get(`/admin/clients?q=${encodeURIComponent(MAYA_EMAIL)}`)).text();
  const mayaId = Number(clients.match(/\/admin\/clients\/(\d+)/)?.[1]);
  const commissionStatus = async () => {
    const res = await page.request.get(`/api/clients/${mayaId}/commissions?limit=200`);
    const body = (await res.json()).data as { commissions: { id: number; status: string }[] };
    return body.commissions.find((c) => c.id === commission.id)?.status;
  };
  expect(await commissionStatus()).toBe("pending");

  const review = new AdminReviewPage(page);
  await review.goto();
  const item = review.item(name);
  await expect(item).toBeVisible();
  await expect(item).toContainText("Disposable e-mail");
  await expect(item).toContainText("$");
  await expect(item).toContainText(`f***@mailinator.com`);
  await page.screenshot({ path: "test-results/screens/admin-review.png", fullPage: true });

  await item.getByRole("button", { name: "Approve" }).click();
  await expect(item).toHaveCount(0);
  await page.reload();
  await expect(review.item(name)).toHaveCount(0);
  // Released: the hold had passed, so the commission is approved and joins Maya's next payout.
  await expect.poll(commissionStatus).toBe("approved");
});

test("bulk decisions ask for confirmation first", async ({ page }) => {
  await new LoginPage(page).signInAs(ADMIN_EMAIL);
  const review = new AdminReviewPage(page);
  await review.goto();
  const first = review.queue.getByRole("listitem").first();
  await expect(first).toBeVisible();
  await first.getByRole("checkbox").check();
  await expect(review.bulk).toContainText("1 selected");
  await review.bulk.getByRole("button", { name: "Reject selected" }).click();
  await expect(review.bulk).toContainText("Reject 1 referral?");
  await review.bulk.getByRole("button", { name: "Cancel" }).click();
  await expect(review.bulk).not.toContainText("Reject 1 referral?");
  await expect(first).toBeVisible();
});

test("the reports table's selection can be approved or rejected, after a confirm step", async ({ page }) => {
  await new LoginPage(page).signInAs(ADMIN_EMAIL);
  const reports = new AdminReportsPage(page);
  await reports.goto("flagged=1");
  await reports.rowCheckboxes().nth(0).check();
  await expect(reports.selectedCount).toHaveText("1 selected");
  const bulk = page.getByRole("group", { name: "Review selected referrals" });
  await bulk.getByRole("button", { name: "Approve selected" }).click();
  await expect(bulk).toContainText("Approve 1 referral?");
  await bulk.getByRole("button", { name: "Cancel" }).click();
  await expect(bulk).not.toContainText("Approve 1 referral?");
});
