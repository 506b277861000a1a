import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/**
 * axe-core over the page as it is now. Legacy mode runs the scan inside the page itself; the default mode
 * merges per-frame results in an extra blank page it opens for every scan, which about doubled each scan
 * here (/admin 7.3 → 3.1 s per scan, side by side). Our pages frame
 * nothing cross-origin, which is what the default mode exists for.
 */
export const axe = (page: Page): AxeBuilder => new AxeBuilder({ page }).setLegacyMode(true);

export type SeriousViolation = { id: string; impact: string; nodes: string[] };

/** The serious and critical violations, each with the first few offending elements' markup. */
export async function seriousViolations(page: Page, build = axe(page)): Promise<SeriousViolation[]> {
  const results = await build.analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact!, nodes: v.nodes.map((n) => n.html).slice(0, 3) }));
}
