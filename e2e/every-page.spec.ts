// Every page of the app (listed from the app/ tree: public, referrer and admin, sub-pages included), at
// 1280 and 390 px: no serious or critical axe violation, and nothing wider than a 390 px screen. Admin and
// referrer pages also share one content width (issue 18 item 9). One sign-in per role, one tab; each page
// is loaded once and checked at both widths, and every problem is collected so one run lists them all.
// Left out: /r/[code] (a redirect to /signup) and the API routes.
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_EMAIL, LoginPage, MAYA_EMAIL } from "./pages/login-page";
import { seriousViolations } from "./support/axe";

const WIDTHS = [1280, 390] as const;

const PUBLIC_PAGES = [
  "/",
  "/login",
  "/signup",
  "/signup?ref=MAYA2025",
  "/forgot-password",
  "/reset-password",
  "/reset-password?token=not-a-real-token-but-the-form-shows",
  "/confirm-email?token=not-a-real-token-but-the-form-shows",
  "/forbidden",
  "/no-such-page",
];

const REFERRER_PAGES = [
  "/dashboard",
  "/dashboard/codes",
  "/dashboard/earnings",
  "/dashboard/rewards",
  "/dashboard/referrals",
  "/redeem",
  "/leaderboard",
  "/account",
  "/account/password",
  "/account/notifications",
  "/logout",
];

const ADMIN_PAGES = [
  "/admin",
  "/admin/review",
  "/admin/campaigns",
  "/admin/rewards",
  "/admin/clients",
  "/admin/payouts",
  "/admin/invites",
  "/admin/account-emails",
  "/admin/notifications",
  "/admin/api-keys",
  "/admin/webhooks",
  "/admin/audit",
];

/** The detail pages behind the lists: the first link of each kind that the list page shows. */
const ADMIN_DETAIL_PAGES = [
  { list: "/admin/clients", link: /^\/admin\/clients\/\d+$/ },
  { list: "/admin/campaigns", link: /^\/admin\/campaigns\/\d+$/ },
  { list: "/admin/payouts", link: /^\/admin\/payouts\/\d+$/ },
];

type Problem = { path: string; width: number; problem: string };

async function check(page: Page, path: string, problems: Problem[], opts: { sharedWidth?: boolean } = {}) {
  // Opened once at 1280 px, then narrowed to 390 px in place: the layouts are CSS media queries (and
  // the charts follow their container's size), so this is the phone layout without a second load.
  await page.setViewportSize({ width: 1280, height: 800 });
  const response = await page.goto(path);
  expect(response, path).not.toBeNull();
  // Streamed parts (charts, dashboard cards) hold aria-busy placeholders until they arrive. Not
  // networkidle: a page of links keeps prefetching their targets long after it is complete.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
  if (response!.status() >= 500) problems.push({ path, width: 1280, problem: `HTTP ${response!.status()}` });

  for (const width of WIDTHS) {
    if (width !== 1280) {
      await page.setViewportSize({ width, height: 844 });
      // Let resize observers (charts) lay out again.
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 200))),
      );
    }
    const report = (problem: string) => problems.push({ path, width, problem });

    for (const v of await seriousViolations(page)) {
      report(`axe ${v.impact} ${v.id}: ${v.nodes.map((html) => html.slice(0, 120)).join(" | ")}`);
    }

    if (width === 390) {
      const { scrollWidth, innerWidth, widest } = await page.evaluate(() => {
        // The element reaching furthest right, to say what to fix.
        let widest = "";
        let right = window.innerWidth;
        for (const el of document.body.querySelectorAll("*")) {
          const r = el.getBoundingClientRect();
          if (r.right > right + 0.5 && r.width > 0) {
            right = r.right;
            widest = `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 80)}`;
          }
        }
        return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, widest };
      });
      if (scrollWidth > innerWidth) report(`scrollWidth ${scrollWidth} > ${innerWidth} (${widest})`);
    }

    if (opts.sharedWidth && width === 1280) {
      const boxes = await page
        .locator(".page-container")
        .evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().width)));
      // globals.css page-width: max-w-7xl (80rem = 1280 px), so at 1280 the column is the viewport's
      // width on every page, its gutters inside it.
      if (boxes.length !== 1 || boxes[0] !== 1280) {
        report(`content width: expected one .page-container 1280 px wide, found [${boxes.join(", ")}]`);
      }
    }
  }
}

test.describe("every page at 1280 and 390 px", () => {
  test.describe.configure({ timeout: 300_000 });

  test("public pages", async ({ page }) => {
    const problems: Problem[] = [];
    for (const path of PUBLIC_PAGES) await check(page, path, problems);
    expect(problems).toEqual([]);
  });

  test("referrer pages", async ({ page }) => {
    await new LoginPage(page).signInAs(MAYA_EMAIL);
    const problems: Problem[] = [];
    // /logout last: it only offers the sign-out button, but nothing comes after it anyway.
    for (const path of REFERRER_PAGES) {
      const narrowForm = path === "/account/password" || path === "/logout";
      await check(page, path, problems, { sharedWidth: !narrowForm });
    }
    expect(problems).toEqual([]);
  });

  test("admin pages, detail pages included", async ({ page }) => {
    await new LoginPage(page).signInAs(ADMIN_EMAIL);
    const problems: Problem[] = [];
    const paths = [...ADMIN_PAGES];
    for (const { list, link } of ADMIN_DETAIL_PAGES) {
      await page.goto(list);
      const hrefs = await page
        .locator("main a[href]")
        .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
      const detail = hrefs.find((h) => link.test(h));
      expect(detail, `a detail link on ${list}`).toBeTruthy();
      paths.push(detail!);
    }
    for (const path of paths) await check(page, path, problems, { sharedWidth: true });
    expect(problems).toEqual([]);
  });
});

// The scan itself: legacy mode (e2e/support/axe.ts) still finds what it must, so the checks above can fail.
test("the axe helper reports serious violations", async ({ page }) => {
  await page.setContent(
    '<html lang="en"><title>t</title><main><img src="data:,"><button></button>' +
      '<p style="color:#bbb;background:#fff">faint</p></main></html>',
  );
  const ids = (await seriousViolations(page)).map((v) => v.id).sort();
  expect(ids).toEqual(["button-name", "color-contrast", "image-alt"]);
});
