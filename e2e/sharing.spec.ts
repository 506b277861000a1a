import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { LoginPage } from "./pages/login-page";

test("a referrer shares a code: tagged link to the clipboard, WhatsApp link, QR download that scans", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await new LoginPage(page).signInAs("rose@example.com");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/codes");

  const row = page.getByTestId("code-ROSEVIP");
  await row.getByText("Share ROSEVIP").click();

  await row.getByRole("button", { name: "Copy share link for ROSEVIP" }).click();
  await expect(row.getByText("Copied!")).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/\/r\/ROSEVIP\?src=link$/);
  const origin = new URL(copied).origin;

  const whatsapp = await row.getByRole("link", { name: "Share ROSEVIP by WhatsApp" }).getAttribute("href");
  const text = new URL(whatsapp!).searchParams.get("text");
  expect(whatsapp).toMatch(/^https:\/\/wa\.me\/\?text=/);
  expect(text).toContain("Rose Alvarez invites you to MuseNest. Sign up with code ROSEVIP");
  // The offer as configured in the reward rules (demo defaults: 7-day trial, +20 points for the new client).
  expect(text).toContain("and get a 7-day free trial and 20 bonus points.");
  expect(text).toContain(`${origin}/r/ROSEVIP?src=whatsapp`);
  await expect(row.getByRole("img", { name: "QR code for the ROSEVIP invite link" })).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    row.getByRole("link", { name: "Download QR code for ROSEVIP as PNG" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("musenest-ROSEVIP-qr.png");
  const png = PNG.sync.read(await readFile((await download.path())!));
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(decoded?.data).toBe(`${origin}/r/ROSEVIP?src=qr`);

  await page.screenshot({ path: "test-results/screens/sharing-desktop.png", fullPage: false });
  await page.setViewportSize({ width: 390, height: 844 });
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/sharing-phone.png", fullPage: false });
});

test("the QR download is an attachment, 404 for an unknown code, 400 for an unknown format", async ({
  page,
}) => {
  await new LoginPage(page).signInAs("rose@example.com");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/codes");
  const row = page.getByTestId("code-ROSEVIP");
  await row.getByText("Share ROSEVIP").click();
  const href = await row
    .getByRole("link", { name: "Download QR code for ROSEVIP as SVG" })
    .getAttribute("href");
  const [, clientId, codeId] = href!.match(/clients\/(\d+)\/referral-codes\/(\d+)/)!;
  const svg = await page.request.get(href!);
  expect(svg.headers()["content-type"]).toBe("image/svg+xml");
  expect(svg.headers()["content-disposition"]).toBe('attachment; filename="musenest-ROSEVIP-qr.svg"');
  const otherCode = await page.request.get(
    `/api/clients/${clientId}/referral-codes/${Number(codeId) + 100000}/qr?format=png`,
  );
  expect(otherCode.status()).toBe(404);
  const badFormat = await page.request.get(`${href!.split("?")[0]}?format=gif`);
  expect(badFormat.status()).toBe(400);
});
