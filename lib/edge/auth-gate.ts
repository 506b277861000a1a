/**
 * The signed-in areas (defect 2): one list, checked in proxy.ts before anything renders, so an anonymous
 * visitor gets a real 307 to sign-in instead of a streamed loading skeleton. Pages still check the role and
 * the account's status themselves (the gate only knows a valid session cookie exists).
 * API routes are not here: `route()` answers their 401/403 itself, and many accept API keys instead.
 */
const SIGNED_IN_AREAS = ["/dashboard", "/redeem", "/leaderboard", "/account", "/admin"] as const;

export function needsSession(pathname: string): boolean {
  return SIGNED_IN_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
}

/** `/login?callbackUrl=<path and query>`: relative, so sign-in returns to the same host the visitor used. */
export function loginRedirectPath(url: URL): string {
  const back = `${url.pathname}${url.search}`;
  return `/login?callbackUrl=${encodeURIComponent(back)}`;
}
