/**
 * Cross-site write protection for pages and server actions (defect 3). A server action is a POST to a page
 * with a `Next-Action` header; Next itself only throws (500) on a foreign Origin and accepts a request with no
 * Origin at all. Browsers send Origin on every POST, so a POST without one is a script, not our form.
 * API routes are not covered: they authenticate with a bearer key or answer 401, and webhooks are signed.
 */
import { isOneClickUnsubscribe } from "./one-click-unsubscribe";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginCheck = { ok: true } | { ok: false; message: string };

/** The origins a same-site request may come from: this request's host (both schemes) and NEXTAUTH_URL's. */
export function allowedOrigins(
  host: string | null,
  forwardedHost: string | null,
  configuredUrl?: string,
): Set<string> {
  const origins = new Set<string>();
  for (const h of [host, forwardedHost?.split(",")[0]?.trim()]) {
    if (!h) continue;
    origins.add(`http://${h.toLowerCase()}`);
    origins.add(`https://${h.toLowerCase()}`);
  }
  if (configuredUrl) {
    try {
      origins.add(new URL(configuredUrl).origin.toLowerCase());
    } catch {
      // A malformed NEXTAUTH_URL is next-auth's problem to report; it adds no origin here.
    }
  }
  return origins;
}

export function checkWriteOrigin(req: {
  method: string;
  pathname: string;
  origin: string | null;
  host: string | null;
  forwardedHost: string | null;
  configuredUrl?: string;
}): OriginCheck {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return { ok: true };
  if (req.pathname === "/api" || req.pathname.startsWith("/api/")) return { ok: true };
  // Mail providers POST the one-click unsubscribe from their servers: the signed token authorizes it.
  if (isOneClickUnsubscribe(req.method, req.pathname)) return { ok: true };
  if (!req.origin || req.origin === "null") {
    return { ok: false, message: "Refused: a form submission must come from this site (no Origin header)." };
  }
  if (!allowedOrigins(req.host, req.forwardedHost, req.configuredUrl).has(req.origin.toLowerCase())) {
    return { ok: false, message: "Refused: a form submission must come from this site (foreign Origin)." };
  }
  return { ok: true };
}
