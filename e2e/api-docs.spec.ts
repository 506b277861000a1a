// /docs/api: Scalar's interactive reference of GET /api/openapi.json. It must work offline (every request
// stays on our origin: the script is the installed package's, no web fonts, no telemetry), pass axe, and
// fit a phone. It is a route handler rendering third-party markup, not an app page, hence its own spec.
import { expect, test } from "@playwright/test";
import { axe, seriousViolations } from "./support/axe";

test("the API reference renders the generated document from our own origin only", async ({
  page,
  baseURL,
}) => {
  const offOrigin: string[] = [];
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(baseURL!) && !/^(data|blob):/.test(url)) offOrigin.push(url);
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  const documentLoaded = page.waitForResponse((r) => r.url().endsWith("/api/openapi.json") && r.ok());
  await page.goto("/docs/api");
  await documentLoaded;
  await expect(page.getByRole("heading", { name: "MuseNest Referrals API", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Payments" }).first().click();
  await expect(page.getByText("Record a client's payment, refund or chargeback").first()).toBeVisible();

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 844 });
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 200))),
    );
    // Excluded: the tokens of the syntax-highlighted request samples (`hljs-*`), coloured by the
    // highlighter theme bundled in Scalar's script; the sample stays readable as plain code, and every
    // other part of the page (navigation, headings, parameters, badges) is checked.
    const serious = await seriousViolations(page, axe(page).exclude("[class*='hljs-']"));
    expect(
      serious.flatMap((v) => v.nodes.map((html) => `${width}px ${v.id}: ${html.slice(0, 100)}`)),
    ).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${width}px horizontal overflow`).toBeLessThanOrEqual(0);
  }
  expect(offOrigin).toEqual([]);
});

test("the admin's API keys page links to the reference", async ({ page }) => {
  const { LoginPage, ADMIN_EMAIL } = await import("./pages/login-page");
  await new LoginPage(page).signInAs(ADMIN_EMAIL);
  await page.goto("/admin/api-keys");
  await expect(page.getByRole("link", { name: "API reference" })).toHaveAttribute("href", "/docs/api");
});
