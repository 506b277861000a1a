// A payment in euros (issue 13 item 3) through the API: the referrer's earnings page shows the commission
// in euros beside the dollar figures, and the admin payouts totals show it per currency, formatted (€).
// A euro and a yen referral show their own commission (€3.99, ¥500) on the referrer's my-referrals page
// and in the admin report (the row, the filtered totals and the period's key figures).
import { expect, test } from "@playwright/test";
import { formatMoney } from "@/lib/format";
import { ADMIN_EMAIL, LoginPage } from "./pages/login-page";

// Long multi-page journeys: beside the other server's specs on two cores they can pass a minute.
test.describe.configure({ timeout: 120_000 });

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

test("a euro and a yen referral show €3.99 and ¥500 on my-referrals and in the admin report", async ({
  browser,
}) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await new LoginPage(admin).signInAs(ADMIN_EMAIL);
  const id = unique();
  const names = { eur: `Euro Buyer ${id}`, jpy: `Yen Buyer ${id}` };
  // Each referral's direct commission as the API recorded it (10% floored: €3.99 and ¥500 on the seed's
  // terms; more when an earlier spec linked a campaign to Amanda's code), formatted as the pages must show it.
  const shown: Record<"eur" | "jpy", string> = { eur: "", jpy: "" };
  for (const [currency, amount] of [
    ["eur", 3995],
    ["jpy", 5009],
  ] as const) {
    const client = await admin.request.post("/api/clients", {
      data: {
        name: names[currency],
        email: `${currency}.${id}@example.org`,
        business_type: "creator",
        referral_code: AMANDA.code,
      },
    });
    expect(client.status()).toBe(201);
    const payment = await admin.request.post("/api/payments", {
      data: {
        external_id: `inv_${currency}_${id}`,
        user_id: (await client.json()).data.user_id,
        amount_cents: amount,
        currency,
      },
    });
    expect(payment.status()).toBe(201);
    const [direct] = (await payment.json()).data.commissions as { amount_cents: number; currency: string }[];
    expect(direct.currency).toBe(currency);
    shown[currency] = formatMoney(direct.amount_cents, currency);
  }
  expect(shown.eur).toMatch(/^€\d+\.\d\d$/);
  expect(shown.jpy).toMatch(/^¥[\d,]+$/);

  // The admin report, filtered to Amanda: each row's own currency, the totals and key figures per currency.
  await admin.goto(`/admin?referrer=${AMANDA.code}`);
  await expect(admin.getByRole("row").filter({ hasText: names.eur })).toContainText(shown.eur);
  await expect(admin.getByRole("row").filter({ hasText: names.jpy })).toContainText(shown.jpy);
  await expect(admin.getByTestId("filtered-money-eur")).toContainText(/€\d+\.\d\d/);
  await expect(admin.getByTestId("filtered-money-jpy")).toContainText(/¥[\d,]+/);
  const commission = admin.locator('[data-figure="commission"]');
  await expect(commission.getByTestId("key-figure-other-currencies")).toContainText("€");
  await expect(commission.getByTestId("key-figure-other-currencies")).toContainText("¥");

  const amandaContext = await browser.newContext();
  const amanda = await amandaContext.newPage();
  await new LoginPage(amanda).signInAs(AMANDA.email);
  await amanda.goto("/dashboard/referrals");
  const table = amanda.getByRole("group", { name: "Referrals table" });
  await expect(table.getByRole("row").filter({ hasText: names.eur })).toContainText(shown.eur);
  await expect(table.getByRole("row").filter({ hasText: names.jpy })).toContainText(shown.jpy);
  await expect(amanda.getByTestId("referrals-earned")).toContainText("€");
  await adminContext.close();
  await amandaContext.close();
});

test("a EUR commission shows in euros on the monthly report, the per-code table and the admin top referrers, and the report fits 1280 px", async ({
  browser,
}) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await new LoginPage(admin).signInAs(ADMIN_EMAIL);
  const id = unique();
  // Amanda (the monthly report and her code) and Sarah (a top referrer of the seed's last 30 days).
  const euroCommission: Record<string, number> = {};
  for (const code of [AMANDA.code, "SARAH25"]) {
    const client = await admin.request.post("/api/clients", {
      data: {
        name: `Euro ${code} ${id}`,
        email: `eur.${code.toLowerCase()}.${id}@example.org`,
        business_type: "creator",
        referral_code: code,
      },
    });
    expect(client.status()).toBe(201);
    const payment = await admin.request.post("/api/payments", {
      data: {
        external_id: `inv_eur_${code}_${id}`,
        user_id: (await client.json()).data.user_id,
        amount_cents: 3995,
        currency: "eur",
      },
    });
    expect(payment.status()).toBe(201);
    const [direct] = (await payment.json()).data.commissions as { amount_cents: number; currency: string }[];
    expect(direct.currency).toBe("eur");
    euroCommission[code] = direct.amount_cents;
  }

  // Amanda: the month's euros on the monthly report, and her code's euros in the per-code table, as the
  // analytics API gives them (the figures of every euro payment of hers this month, this spec's included).
  const amandaContext = await browser.newContext();
  const amanda = await amandaContext.newPage();
  await new LoginPage(amanda).signInAs(AMANDA.email);
  const me = (await (await amanda.request.get("/api/me")).json()).data.user_id as number;
  const month = new Date().toISOString().slice(0, 7);
  const report = (
    await (
      await amanda.request.get(`/api/clients/${me}/referral-analytics?period=monthly&month=${month}`)
    ).json()
  ).data as {
    other_currencies: { currency: string; commission_earned: string; commission_on_hold: string }[];
  };
  const eurMonth = report.other_currencies.find((o) => o.currency === "eur")!;
  expect(Math.round(Number(eurMonth.commission_earned) * 100)).toBeGreaterThanOrEqual(
    euroCommission[AMANDA.code],
  );
  await amanda.goto(`/dashboard/earnings?month=${month}`);
  const monthly = amanda.getByTestId("monthly-report");
  await expect(monthly).toContainText(
    formatMoney(Math.round(Number(eurMonth.commission_earned) * 100), "eur"),
  );
  await expect(monthly).toContainText(
    formatMoney(Math.round(Number(eurMonth.commission_on_hold) * 100), "eur"),
  );

  const overview = (await (await amanda.request.get(`/api/clients/${me}/referral-analytics`)).json())
    .data as {
    codes: { code: string; commission_by_currency: { currency: string; amount_cents: number }[] }[];
  };
  const code = overview.codes.find((c) => c.code === AMANDA.code)!;
  const eurCode = code.commission_by_currency.find((a) => a.currency === "eur")!;
  await amanda.goto("/dashboard/codes");
  const perCode = amanda
    .getByRole("region", { name: "How each code performs" })
    .getByRole("row")
    .filter({ has: amanda.getByRole("rowheader", { name: new RegExp(`^${AMANDA.code}\\b`) }) });
  await expect(perCode.getByTestId("code-earned")).toContainText(formatMoney(eurCode.amount_cents, "eur"));

  // The admin's top referrers: Sarah's commission lists her euros (beside her dollars when she has any).
  await admin.setViewportSize({ width: 1280, height: 800 });
  await admin.goto("/admin");
  const top = admin.getByRole("row").filter({ hasText: "sarah@example.com" });
  // At least this spec's euro commission (a retry of this test adds its own payment to the first one's).
  const sarahEuros = top.getByTestId("top-referrer-commission");
  await expect(sarahEuros).toContainText("€");
  const euros = /€([\d,]+\.\d{2})/.exec(await sarahEuros.innerText())?.[1];
  expect(Math.round(Number(euros?.replaceAll(",", "")) * 100)).toBeGreaterThanOrEqual(euroCommission.SARAH25);
  // The referrals table fits 1280 px with its default columns (a euro row lists € in its Commission cell).
  const grid = admin.getByTestId("referrals-grid");
  await expect(grid).toBeVisible();
  const overflow = await grid.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow, "the report table's sideways scroll at 1280 px").toBeLessThanOrEqual(0);
  await adminContext.close();
  await amandaContext.close();
});
