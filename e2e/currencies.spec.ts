// A payment in euros (issue 13 item 3) through the API: the referrer's earnings page shows the commission
// in euros beside the dollar figures, and the admin payouts totals show it per currency, formatted (€).
import { expect, test } from "@playwright/test";
import { ADMIN_EMAIL, LoginPage } from "./pages/login-page";

const AMANDA = { email: "amanda@example.com", code: "AMANDA25" };
const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

test("a EUR payment shows as euros on the referrer's earnings and the admin payouts totals", async ({
  browser,
}) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await new LoginPage(admin).signInAs(ADMIN_EMAIL);
  const client = await admin.request.post("/api/clients", {
    data: {
      name: "Euro Client",
      email: `euro.${unique()}@example.org`,
      business_type: "creator",
      referral_code: AMANDA.code,
    },
  });
  expect(client.status()).toBe(201);
  const payment = await admin.request.post("/api/payments", {
    data: {
      external_id: `inv_eur_${unique()}`,
      user_id: (await client.json()).data.user_id,
      amount_cents: 3995,
      currency: "EUR",
    },
  });
  expect(payment.status()).toBe(201);
  expect((await payment.json()).data.commissions[0]).toMatchObject({ currency: "eur" });

  await admin.goto("/admin/payouts");
  await expect(admin.getByRole("region", { name: "Totals" })).toContainText(/€\d+\.\d\d/);

  const amandaContext = await browser.newContext();
  const amanda = await amandaContext.newPage();
  await new LoginPage(amanda).signInAs(AMANDA.email);
  await amanda.goto("/dashboard/earnings");
  await expect(amanda.getByTestId("commission-other-currencies")).toContainText(/€\d+\.\d\d earned/);
  await adminContext.close();
  await amandaContext.close();
});
