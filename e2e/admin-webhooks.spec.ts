// The admin webhooks page: an endpoint is created with its secret shown once, a test event is sent to a
// real receiver on 127.0.0.1 (the e2e server allows private targets), signed with that secret, and the
// delivery is listed with its status code.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { ADMIN_EMAIL, LoginPage } from "./pages/login-page";

test("an admin creates an endpoint, copies its secret once, sends a test and sees the delivery", async ({
  page,
}) => {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/${Date.now()}`;
  try {
    await new LoginPage(page).signInAs(ADMIN_EMAIL);
    await page.goto("/admin/webhooks");
    const form = page.getByRole("form", { name: "New webhook endpoint" });
    await form.getByLabel("URL").fill(url);
    await form.getByLabel("Description").fill("E2E receiver");
    await form.getByLabel("payout.paid").check();
    await form.getByRole("button", { name: "Create endpoint" }).click();
    const secret = (await page.getByTestId("webhook-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);

    // Shown once: after a reload the page lists the endpoint but no secret.
    await page.reload();
    await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
    const card = page.getByRole("region", { name: url });
    await expect(card.getByText("Active")).toBeVisible();

    await card.getByRole("button", { name: "Send test" }).click();
    await expect(card.getByRole("status")).toContainText("Test event delivered (HTTP 204)");
    expect(received).toHaveLength(1);
    const event = new Webhook(secret).verify(received[0].body, received[0].headers as Record<string, string>);
    expect(event).toMatchObject({ type: "webhook.test", id: received[0].headers["webhook-id"] });

    await page.reload();
    const deliveries = page.getByRole("table", { name: `Deliveries to ${url}` });
    await expect(deliveries.getByRole("row")).toHaveCount(2);
    await expect(deliveries).toContainText("webhook.test");
    await expect(deliveries).toContainText("Delivered");
    await expect(deliveries).toContainText("204");
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});
