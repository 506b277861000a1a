// A client's white-label partner, set by an admin on the client page and through
// PUT /api/clients/:id/partner: refusals say why (self, unknown, cycle), nobody else may call it.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ADMIN_EMAIL, LoginPage, MAYA_EMAIL } from "./pages/login-page";
import { screens } from "./support/screens";

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

async function newClient(request: APIRequestContext, name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${unique()}@example.org`;
  const response = await request.post("/api/clients", { data: { name, email, business_type: "creator" } });
  expect(response.status()).toBe(201);
  return { id: (await response.json()).data.user_id as number, email, name };
}

test("an admin assigns, changes and removes a partner on the client page; cycles are refused", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await new LoginPage(page).signInAs(ADMIN_EMAIL);
  const member = await newClient(page.request, "Pat Member");
  const agency = await newClient(page.request, "Studio Agency");

  await page.goto(`/admin/clients/${member.id}`);
  const card = page.getByRole("region", { name: "Partner" });
  await expect(card.getByTestId("partner-current")).toContainText("No partner.");

  await card.getByLabel("Assign a partner").fill("nobody-here@example.net");
  await card.getByRole("button", { name: "Assign" }).click();
  await expect(card.getByText("No client has the e-mail nobody-here@example.net")).toBeVisible();

  await card.getByLabel("Assign a partner").fill(agency.email);
  await card.getByRole("button", { name: "Assign" }).click();
  await expect(card.getByRole("status")).toContainText("Pat Member now belongs to Studio Agency.");
  await expect(card.getByTestId("partner-current")).toContainText("Belongs to Studio Agency");
  await expect(card.getByTestId("partner-current")).toContainText("no override rate set");
  await screens(page, "admin-client-partner", "Partner");

  // The agency can't then belong to its own member: said on the agency's page, by id this time.
  await page.goto(`/admin/clients/${agency.id}`);
  const agencyCard = page.getByRole("region", { name: "Partner" });
  await agencyCard.getByLabel("Assign a partner").fill(String(member.id));
  await agencyCard.getByRole("button", { name: "Assign" }).click();
  await expect(agencyCard.getByText(/already belongs to Studio Agency/)).toBeVisible();
  await expect(agencyCard.getByTestId("partner-current")).toContainText("No partner.");

  // Changed to the demo agency (3% override), then removed.
  await page.goto(`/admin/clients/${member.id}`);
  await card.getByLabel("Change partner").fill("agency@example.com");
  await card.getByRole("button", { name: "Change" }).click();
  await expect(card.getByTestId("partner-current")).toContainText("earns a 3% override");
  await card.getByRole("button", { name: "Remove partner" }).click();
  await expect(card.getByTestId("partner-current")).toContainText("No partner.");

  await page.goto("/admin/audit?action=client.partner_clear");
  await expect(
    page
      .getByRole("region", { name: "Audit entries" })
      .getByText(/Avery Admin removed the partner of /)
      .first(),
  ).toBeVisible();
});

test("PUT /api/clients/:id/partner: 200 with the partner, 400s that say why, 401/403 for others", async ({
  page,
  request,
}) => {
  await new LoginPage(page).signInAs(ADMIN_EMAIL);
  const a = await newClient(page.request, "Api Member");
  const b = await newClient(page.request, "Api Agency");
  const put = (id: number | string, data: unknown) =>
    page.request.put(`/api/clients/${id}/partner`, { data });

  const set = await put(a.id, { partner_user_id: b.id });
  expect(set.status()).toBe(200);
  expect(await set.json()).toEqual({
    success: true,
    message: "Api Member now belongs to Api Agency",
    data: {
      client_id: a.id,
      partner: { user_id: b.id, name: "Api Agency", email: b.email, override_bps: null },
      previous_partner_user_id: null,
      changed: true,
    },
  });

  const cycle = await put(b.id, { partner_user_id: a.id });
  expect(cycle.status()).toBe(400);
  expect((await cycle.json()).error).toContain(`(${b.id} → ${a.id} → ${b.id})`);
  const self = await put(a.id, { partner_user_id: a.id });
  expect(self.status()).toBe(400);
  expect((await self.json()).error).toBe("A client can't be their own partner");
  const unknown = await put(a.id, { partner_user_id: 2_000_000_000 });
  expect((await unknown.json()).error).toBe("No client has id 2000000000");
  for (const body of [{ partner_user_id: "x" }, {}, { partner_user_id: 1.5 }]) {
    const bad = await put(a.id, body);
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toMatchObject({ success: false, error: expect.any(String) });
  }
  expect((await put(2_000_000_000, { partner_user_id: null })).status()).toBe(404);

  const cleared = await put(a.id, { partner_user_id: null });
  expect((await cleared.json()).data).toMatchObject({ partner: null, previous_partner_user_id: b.id });

  expect(
    (await request.put(`/api/clients/${a.id}/partner`, { data: { partner_user_id: null } })).status(),
  ).toBe(401);
  await page.context().clearCookies();
  await new LoginPage(page).signInAs(MAYA_EMAIL);
  expect((await put(a.id, { partner_user_id: null })).status()).toBe(403);
});
