// The commission lifecycle end to end: an admin runs a campaign, a payment arrives through the API, the
// referrer sees it on hold, the approval job runs, the admin pays it out, the referrer sees it paid.
// Plus the Stripe webhook through the real route: signature checked, idempotent by event id.
import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import Stripe from "stripe";
import { CampaignsPage } from "./pages/campaigns-page";
import { ADMIN_EMAIL, LoginPage } from "./pages/login-page";
import { PayoutsPage } from "./pages/payouts-page";
import { screens } from "./support/screens";

const AMANDA = { email: "amanda@example.com", name: "Amanda Chen", code: "AMANDA25" };
const WEBHOOK_SECRET = "whsec_e2e_only_0123456789abcdef"; // set for the server by e2e/serve.mjs
const DAY = 86_400_000;
const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

test("campaign → payment through the API → on hold → approved → paid out → the referrer sees it paid", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await new LoginPage(admin).signInAs(ADMIN_EMAIL);

  // 1. The admin creates a 25% campaign that began 40 days ago and links Amanda's code.
  const campaigns = new CampaignsPage(admin);
  await campaigns.goto();
  await expect(admin.getByRole("region", { name: "All campaigns" })).toContainText(/Holiday \d{4}/);
  await screens(admin, "admin-campaigns", "All campaigns");
  const campaignName = `Spring Boost ${unique().slice(-5)}`;
  await campaigns.create({
    name: campaignName,
    ratePercent: "25",
    startsOn: isoDay(-40),
    endsOn: isoDay(30),
  });
  await expect(admin.getByRole("heading", { level: 1 })).toContainText(campaignName);
  await expect(admin.getByRole("heading", { level: 1 })).toContainText("Running");
  await campaigns.linkCodes("amanda-25");
  await expect(admin.getByText(`Linked ${AMANDA.code}.`)).toBeVisible();
  await expect(admin.getByRole("region", { name: "Linked codes" })).toContainText(AMANDA.code);
  await screens(admin, "admin-campaign", "Terms");

  // 2. A client referred with AMANDA25, then their $399.00 payment 31 days ago, reported by the API.
  const client = await admin.request.post("/api/clients", {
    data: {
      name: "Paying Client",
      email: `paying.${unique()}@example.org`,
      business_type: "creator",
      referral_code: AMANDA.code,
    },
  });
  expect(client.status()).toBe(201);
  const userId = (await client.json()).data.user_id as number;
  const externalId = `inv_e2e_${unique()}`;
  const paymentBody = {
    external_id: externalId,
    user_id: userId,
    amount_cents: 39_900,
    currency: "usd",
    type: "payment",
    occurred_at: new Date(Date.now() - 31 * DAY).toISOString(),
  };
  const payment = await admin.request.post("/api/payments", { data: paymentBody });
  expect(payment.status()).toBe(201);
  const recorded = (await payment.json()).data;
  // 25% of 39,900¢ = 9,975¢, one referral so no tier multiplier.
  expect(recorded.commissions).toEqual([
    expect.objectContaining({
      level: "direct",
      amount_cents: 9975,
      status: "pending",
      hold_until: expect.any(String),
    }),
  ]);
  const again = await admin.request.post("/api/payments", { data: paymentBody });
  expect(again.status()).toBe(200);
  expect((await again.json()).data.commissions[0].id).toBe(recorded.commissions[0].id);
  const bad = await admin.request.post("/api/payments", { data: { ...paymentBody, amount_cents: 39.9 } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).details).toContain(
    "amount_cents: amount_cents must be a whole number of cents, e.g. 3995 for $39.95",
  );

  // 3. Amanda sees the commission on hold.
  const amandaContext = await browser.newContext();
  const amanda = await amandaContext.newPage();
  await new LoginPage(amanda).signInAs(AMANDA.email);
  await amanda.goto("/dashboard/earnings");
  const money = amanda.getByRole("region", { name: "Commissions" });
  await expect(money.getByTestId("commission-on-hold")).toHaveText("$99.75");
  await expect(money.getByTestId("commission-paid")).toHaveText("$0.00");
  const entry = money.getByRole("list", { name: "Latest commissions" }).getByRole("listitem").first();
  await expect(entry).toContainText("Commission on $399.00 · Paying Client");
  await expect(entry).toContainText(/On hold until/);
  await screens(amanda, "referrer-commission-pending", "Commissions");

  // 4. Time has passed (the payment is 31 days old): the approval job runs, the admin pays Amanda.
  const payouts = new PayoutsPage(admin);
  await payouts.goto();
  await payouts.approveDue();
  await expect(payouts.readyToPay.getByTestId(`payable-${AMANDA.email}`)).toContainText("$99.75");
  await screens(admin, "admin-payouts", "Ready to pay");
  await payouts.createBatchFor([AMANDA.name]);
  await expect(admin.getByRole("region", { name: "Referrers in this batch" })).toContainText(AMANDA.name);
  const download = admin.waitForEvent("download");
  await admin.getByRole("link", { name: "Download CSV" }).click();
  const csv = readFileSync(await (await download).path(), "utf8");
  const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
  expect(rows).toEqual([
    expect.objectContaining({
      referrer_email: AMANDA.email,
      amount: "99.75",
      amount_cents: "9975",
      currency: "USD",
    }),
  ]);
  await payouts.markPaid("WIRE-E2E-0001");
  await expect(admin.getByRole("heading", { level: 1 })).toContainText("Paid");
  await screens(admin, "admin-payout-batch", "Referrers in this batch");

  // 5. Amanda sees it paid.
  await amanda.reload();
  await expect(money.getByTestId("commission-paid")).toHaveText("$99.75");
  await expect(money.getByTestId("commission-on-hold")).toHaveText("$0.00");
  await expect(entry.getByText("Paid", { exact: true })).toBeVisible();
  await screens(amanda, "referrer-commission-paid");

  // The API's totals agree with what the page shows.
  const me = (await (await amanda.request.get("/api/me")).json()).data;
  const api = await amanda.request.get(`/api/clients/${me.user_id}/commissions`);
  expect(api.status()).toBe(200);
  expect((await api.json()).data.summary).toMatchObject({
    total_commission_earned: "99.75",
    commission_paid: "99.75",
    commission_pending: "0.00",
    commission_paid_cents: 9975,
  });
  // …and nobody else's: another client's id is refused.
  expect((await amanda.request.get(`/api/clients/${userId}/commissions`)).status()).toBe(403);
  await adminContext.close();
  await amandaContext.close();
});

test("a demo referrer sees every commission state on the dashboard's Earnings page", async ({ page }) => {
  await new LoginPage(page).signInAs("maya@example.com");
  await page.goto("/dashboard/earnings");
  const money = page.getByRole("region", { name: "Commissions" });
  await expect(money.getByTestId("commission-paid")).not.toHaveText("$0.00");
  await expect(money.getByText("In review").first()).toBeVisible();
  await screens(page, "referrer-commissions-demo", "Commissions");
});

test("POST /api/payments: anonymous → 401, a client → 403, an unknown refund → 404", async ({
  page,
  request,
}) => {
  const body = { external_id: `inv_${unique()}`, user_id: 1, amount_cents: 3995 };
  expect((await request.post("/api/payments", { data: body })).status()).toBe(401);
  await new LoginPage(page).signInAs("maya@example.com");
  expect((await page.request.post("/api/payments", { data: body })).status()).toBe(403);
  const adminPage = await page.context().browser()!.newPage();
  await new LoginPage(adminPage).signInAs(ADMIN_EMAIL);
  const refund = await adminPage.request.post("/api/payments", {
    data: { external_id: `re_${unique()}`, amount_cents: 100, type: "refund", refund_of: "inv_never_seen" },
  });
  expect(refund.status()).toBe(404);
  expect(await refund.json()).toMatchObject({ success: false, error: "Payment inv_never_seen not found" });
  await adminPage.close();
});

test.describe("POST /api/webhooks/stripe", () => {
  const signed = (payload: string) =>
    Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });

  test("a bad signature is refused with 400; a signed event is applied once", async ({ request }) => {
    const payload = JSON.stringify({
      id: `evt_e2e_${unique()}`,
      object: "event",
      type: "invoice.paid",
      created: Math.floor(Date.now() / 1000),
      data: {
        object: {
          id: `in_e2e_${unique()}`,
          object: "invoice",
          amount_paid: 1995,
          currency: "usd",
          customer_email: "nobody-here@example.net",
        },
      },
    });
    const forged = await request.post("/api/webhooks/stripe", {
      headers: { "Content-Type": "application/json", "Stripe-Signature": "t=1,v1=forged" },
      data: payload,
    });
    expect(forged.status()).toBe(400);
    expect(await forged.json()).toEqual({
      success: false,
      code: "invalid_signature",
      error: "Invalid Stripe signature",
    });

    const first = await request.post("/api/webhooks/stripe", {
      headers: { "Content-Type": "application/json", "Stripe-Signature": signed(payload) },
      data: payload,
    });
    expect(first.status()).toBe(200);
    expect((await first.json()).data).toMatchObject({
      outcome: "ignored",
      detail: "no client matches the invoice",
    });
    const second = await request.post("/api/webhooks/stripe", {
      headers: { "Content-Type": "application/json", "Stripe-Signature": signed(payload) },
      data: payload,
    });
    expect((await second.json()).data).toMatchObject({ outcome: "duplicate" });
  });

  test("a signed but malformed event is refused with 400 malformed_event; an unused type is ignored", async ({
    request,
  }) => {
    const post = (payload: string) =>
      request.post("/api/webhooks/stripe", {
        headers: { "Content-Type": "application/json", "Stripe-Signature": signed(payload) },
        data: payload,
      });
    const created = Math.floor(Date.now() / 1000);
    for (const [payload, message] of [
      ["null", "Malformed Stripe event: A Stripe event must be a JSON object"],
      [
        JSON.stringify({
          id: `evt_e2e_${unique()}`,
          type: "invoice.paid",
          created: "yesterday",
          data: { object: {} },
        }),
        "Malformed Stripe event: created: created must be a Unix time in seconds between 2000 and 2100",
      ],
    ]) {
      const refused = await post(payload);
      expect(refused.status(), payload).toBe(400);
      expect(await refused.json()).toMatchObject({ success: false, code: "malformed_event", error: message });
    }
    const bigInvoice = await post(
      JSON.stringify({
        id: `evt_e2e_${unique()}`,
        type: "invoice.paid",
        created,
        data: { object: { id: `in_e2e_${unique()}`, amount_paid: 1e13, currency: "usd" } },
      }),
    );
    expect(bigInvoice.status()).toBe(400);
    expect((await bigInvoice.json()).details).toEqual([
      "data.object.amount_paid: amount_paid must be at most 1000000000000",
    ]);
    const unused = await post(
      JSON.stringify({
        id: `evt_e2e_${unique()}`,
        type: "payout.paid",
        created,
        data: { object: { x: [] } },
      }),
    );
    expect(unused.status()).toBe(200);
    expect((await unused.json()).data).toMatchObject({ outcome: "ignored", type: "payout.paid" });
  });
});
