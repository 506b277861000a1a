// The review queue: an admin approves a flagged referral, it leaves the queue, and its held commission is
// released; the evidence sits side by side with the matching value marked; the queue filters by reason
// and is worked from the keyboard. Tests make their own flagged referrals (a disposable e-mail domain) so
// the demo's stay put, except where they only read them.
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
  const first = review.cards.first();
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

/** A new client on MAYA2025 with a disposable address: flagged, waiting for review. */
async function flaggedClient(page: import("@playwright/test").Page, label: string): Promise<string> {
  const id = unique();
  const name = `${label} ${id.slice(-6)}`;
  const created = await page.request.post("/api/clients", {
    data: {
      name,
      email: `${label.toLowerCase()}.${id}@mailinator.com`,
      business_type: "creator",
      referral_code: "MAYA2025",
    },
  });
  expect(created.status()).toBe(201);
  return name;
}

test("the evidence sits beside the referrer's, the matching IP marked, and the queue filters by reason", async ({
  page,
}) => {
  await new LoginPage(page).signInAs(ADMIN_EMAIL);
  const review = new AdminReviewPage(page);
  await review.goto();
  await review.reasons.getByRole("link", { name: "Same IP as referrer" }).click();
  await expect(page).toHaveURL(/reason=same_ip_as_referrer/);
  await expect(review.reasons.getByRole("link", { name: "Same IP as referrer" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const cards = review.cards;
  await expect(cards.first()).toBeVisible();
  for (const card of await cards.all()) await expect(card).toContainText("Same IP as referrer");

  // The demo's same-IP signups: the referrer's address is the new client's, shown on both sides and marked.
  const first = cards.first();
  const ip = review.evidence(first, "ip");
  await expect(ip).toHaveAttribute("data-match", "true");
  await expect(ip.getByRole("rowheader")).toContainText("Match");
  const [referredIp, referrerIp] = await ip.getByRole("cell").allTextContents();
  expect(referredIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(referrerIp).toBe(referredIp);
  await expect(ip.locator("mark")).toHaveCount(2);
  await expect(ip).not.toContainText("Not recorded");
  // The evidence comes before the decision.
  const evidenceBox = await first.getByTestId("evidence").boundingBox();
  const approveBox = await first.getByRole("button", { name: "Approve" }).boundingBox();
  expect(evidenceBox!.y).toBeLessThan(approveBox!.y);

  const name = await flaggedClient(page, "Disposable");
  await review.goto("reason=same_ip_as_referrer");
  await expect(review.item(name)).toHaveCount(0);
  await review.goto("reason=disposable_email");
  await expect(review.item(name)).toBeVisible();
  await expect(review.evidence(review.item(name), "email")).toHaveAttribute("data-match", "true");
});

test("keyboard triage: j/k move, a approves, r asks before rejecting", async ({ page }) => {
  await new LoginPage(page).signInAs(ADMIN_EMAIL);
  const approveMe = await flaggedClient(page, "Keyapprove");
  const rejectMe = await flaggedClient(page, "Keyreject");
  const review = new AdminReviewPage(page);
  await review.goto("reason=disposable_email");
  await expect(page.getByText("Keyboard:")).toBeVisible();

  const cards = review.cards;
  await page.keyboard.press("j");
  await expect(cards.nth(0).locator("[data-review-id]")).toHaveAttribute("aria-current", "true");
  if ((await cards.count()) > 1) {
    await page.keyboard.press("ArrowDown");
    await expect(cards.nth(1).locator("[data-review-id]")).toHaveAttribute("aria-current", "true");
    await page.keyboard.press("k");
    await expect(cards.nth(0).locator("[data-review-id]")).toHaveAttribute("aria-current", "true");
  }

  // a approves the card the keyboard is on, at once.
  await review.item(approveMe).getByRole("heading").click();
  await expect(review.item(approveMe).locator("[data-review-id]")).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("a");
  await expect(review.item(approveMe)).toHaveCount(0);

  // r asks first; Escape keeps the referral, "Yes, reject" rejects it.
  await review.item(rejectMe).getByRole("heading").click();
  await page.keyboard.press("r");
  const dialog = page.getByRole("dialog", { name: /Reject .*referral\?/ });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(rejectMe);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(review.item(rejectMe)).toBeVisible();
  await page.keyboard.press("r");
  await dialog.getByRole("button", { name: "Yes, reject" }).click();
  await expect(review.item(rejectMe)).toHaveCount(0);
  await page.reload();
  await expect(review.item(approveMe)).toHaveCount(0);
  await expect(review.item(rejectMe)).toHaveCount(0);
});
