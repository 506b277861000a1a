import { expect, test, type Browser, type Page } from "@playwright/test";
import { ADMIN_EMAIL, LoginPage, MAYA_EMAIL } from "./pages/login-page";
import { seriousViolations } from "./support/axe";

// Long multi-page journeys: beside the other server's specs on two cores they can pass a minute.
test.describe.configure({ timeout: 120_000 });

// Issue 17: the preferences page, the admin outbox and the one-click unsubscribe link. The e2e server has no
// SMTP_URL and works no jobs, so the admin runs the events consumer ("Process new events now") and the
// messages wait in /admin/notifications, where the spec reads the link as it was mailed.

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

async function expectNoSeriousViolations(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

const checkbox = (page: Page, label: string) => page.getByRole("checkbox", { name: label });

test("preferences: each kind toggles and stays as saved", async ({ browser }) => {
  const maya = await newPage(browser);
  await new LoginPage(maya).signInAs(MAYA_EMAIL);
  await maya.goto("/account");
  await maya.getByRole("link", { name: "Notification settings" }).click();
  await expect(maya).toHaveURL(/\/account\/notifications$/);
  await expect(maya.getByRole("heading", { name: "E-mail notifications" })).toBeVisible();
  // A referrer sees the referrer kinds only, all on by default (the monthly summary too).
  await expect(checkbox(maya, "Monthly summary")).toBeChecked();
  await expect(checkbox(maya, "Referral flagged for review")).toHaveCount(0);
  await expectNoSeriousViolations(maya);

  await checkbox(maya, "Monthly summary").uncheck();
  await checkbox(maya, "Coupon redeemed").uncheck();
  await maya.getByRole("button", { name: "Save preferences" }).click();
  await expect(maya.getByRole("status")).toContainText("Saved");
  await maya.reload();
  await expect(checkbox(maya, "Monthly summary")).not.toBeChecked();
  await expect(checkbox(maya, "Coupon redeemed")).not.toBeChecked();
  await expect(checkbox(maya, "Commission approved")).toBeChecked();

  await checkbox(maya, "Monthly summary").check();
  await checkbox(maya, "Coupon redeemed").check();
  await maya.getByRole("button", { name: "Save preferences" }).click();
  await expect(maya.getByRole("status")).toContainText("Saved");
  await maya.reload();
  await expect(checkbox(maya, "Monthly summary")).toBeChecked();

  // Admins also get the admin kinds.
  const admin = await newPage(browser);
  await new LoginPage(admin).signInAs(ADMIN_EMAIL);
  await admin.goto("/account/notifications");
  await expect(checkbox(admin, "Referral flagged for review")).toBeChecked();
  await expect(checkbox(admin, "Job keeps failing")).toBeChecked();
});

test("the unsubscribe link from the outbox works signed out: one-click POST, and GET confirms before the POST", async ({
  browser,
}) => {
  const admin = await newPage(browser);
  await new LoginPage(admin).signInAs(ADMIN_EMAIL);
  const email = `notify.${Date.now()}@example.org`;
  const created = await admin.request.post("/api/clients", {
    data: { name: "Nina Notify", email, business_type: "creator", referral_code: "maya-2o25" },
  });
  expect(created.status()).toBe(201);

  await admin.goto("/admin/notifications");
  await admin.getByRole("button", { name: "Process new events now" }).click();
  await expect(admin.getByRole("status")).toContainText("Processed");
  await admin.goto("/admin/notifications?status=queued");
  const row = admin
    .getByRole("region", { name: "Notifications" })
    .getByRole("row")
    .filter({ hasText: "m***@example.com" })
    .filter({ hasText: "New referral" })
    .first();
  await expect(row).toContainText("Queued");
  await row.locator("summary").click();
  const body = (await row.locator("pre").textContent()) ?? "";
  // The new client appears masked, never in full.
  expect(body).toContain("n***@example.org");
  expect(body).not.toContain(email);
  const link = /https?:\/\/\S+\/unsubscribe\?token=[A-Za-z0-9._-]+/.exec(body)?.[0];
  expect(link, body).toBeTruthy();
  const path = new URL(link!).pathname + new URL(link!).search;
  await expectNoSeriousViolations(admin);

  // RFC 8058: the mail client's one-click POST, from its own servers — no cookie, no Origin.
  const anonymous = await newPage(browser);
  const oneClick = await anonymous.request.post(path, { form: { "List-Unsubscribe": "One-Click" } });
  expect(oneClick.status()).toBe(200);
  expect((await oneClick.json()).data).toEqual({ kind: "referral_signed_up", enabled: false });
  // A forged token changes nothing.
  const forged = await anonymous.request.post(
    path.replace(/.$/, (c) => (c === "A" ? "B" : "A")),
    {
      form: { "List-Unsubscribe": "One-Click" },
    },
  );
  expect(forged.status()).toBe(400);

  // Maya turns it back on, then unsubscribes through the page: opening the link changes nothing.
  const maya = await newPage(browser);
  await new LoginPage(maya).signInAs(MAYA_EMAIL);
  await maya.goto("/account/notifications");
  await expect(checkbox(maya, "New referral")).not.toBeChecked();
  await checkbox(maya, "New referral").check();
  await maya.getByRole("button", { name: "Save preferences" }).click();
  await expect(maya.getByRole("status")).toContainText("Saved");

  await anonymous.goto(path);
  await expect(anonymous.getByRole("heading", { name: "Unsubscribe" })).toBeVisible();
  await expect(anonymous.getByText("Stop New referral e-mails?")).toBeVisible();
  await expectNoSeriousViolations(anonymous);
  await maya.reload();
  await expect(checkbox(maya, "New referral")).toBeChecked();

  await anonymous.getByRole("button", { name: "Unsubscribe from New referral" }).click();
  await expect(anonymous.getByRole("heading", { name: "You are unsubscribed" })).toBeVisible();
  await expect(anonymous.getByRole("status").filter({ hasText: "We turned off" })).toContainText(
    "New referral",
  );
  await expectNoSeriousViolations(anonymous);
  await maya.reload();
  await expect(checkbox(maya, "New referral")).not.toBeChecked();
  await expect(checkbox(maya, "Commission approved")).toBeChecked();

  // A made-up link is refused on the page too.
  await anonymous.goto("/unsubscribe?token=1.payout_sent.not-a-signature");
  await expect(anonymous.getByRole("alert").filter({ hasText: "not valid" })).toBeVisible();
});
