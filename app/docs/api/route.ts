import { ApiReference } from "@scalar/nextjs-api-reference";
import type { NextRequest } from "next/server";
import { scalarBundle } from "@/lib/openapi/scalar-bundle";

export const dynamic = "force-dynamic";

// The app's system font stack instead of Scalar's web fonts. In light mode the secondary and faint text
// (the version badge, the search placeholder) and the orange/yellow method badges (PUT…) are darkened to
// 4.5:1 contrast (axe); the doubled class wins over the theme @scalar/nextjs-api-reference adds.
const CUSTOM_CSS = `
.light-mode, .dark-mode { --scalar-font: ui-sans-serif, system-ui, sans-serif; --scalar-font-code: ui-monospace, SFMono-Regular, Menlo, monospace; }
.light-mode.light-mode { --scalar-color-2: #595959; --scalar-color-3: #666666; --scalar-color-orange: #a3520f; --scalar-color-yellow: #7a5f00; }
`;

/**
 * `/docs/api` (public): interactive reference of `GET /api/openapi.json`, rendered by Scalar in the browser.
 * Offline by construction: the script comes from /docs/api/scalar.js (our origin, the installed package),
 * Scalar's default web fonts and telemetry are off, and the page's nonce (proxy.ts) lets the two scripts
 * run under the app's Content-Security-Policy.
 */
export async function GET(req: NextRequest) {
  const { version } = await scalarBundle();
  const render = ApiReference({
    url: "/api/openapi.json",
    pageTitle: "API reference · MuseNest Referrals",
    cdn: `/docs/api/scalar.js?v=${encodeURIComponent(version)}`,
    nonce: req.headers.get("x-nonce") ?? undefined,
    withDefaultFonts: false,
    telemetry: false,
    // Scalar's hosted extras (AI agent, MCP, developer toolbar) talk to scalar.com: off.
    agent: { disabled: true },
    mcp: { disabled: true },
    showDeveloperTools: "never",
    customCss: CUSTOM_CSS,
    defaultOpenAllTags: false,
  });
  // Scalar's template has no document language (axe: html-has-lang); the page is English.
  const html = (await render().text()).replace("<html>", '<html lang="en">');
  return new Response(html, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}
