import type { Page } from "@playwright/test";

/**
 * Full-page screenshots at desktop and phone widths into test-results/screens/ (to look at, not compared),
 * and of one region at phone width when named (to read it); the viewport is restored afterwards.
 */
export async function screens(page: Page, name: string, region?: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0)); // the sticky header belongs at the top of the shot
  await page.screenshot({ path: `test-results/screens/${name}-desktop.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `test-results/screens/${name}-phone.png`, fullPage: true });
  if (region) {
    await page
      .getByRole("region", { name: region })
      .screenshot({ path: `test-results/screens/${name}-phone-region.png` });
  }
  if (size) await page.setViewportSize(size);
}
