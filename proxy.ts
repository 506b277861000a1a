import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { checkWriteOrigin } from "@/lib/edge/action-origin";
import { loginRedirectPath, needsSession } from "@/lib/edge/auth-gate";
import {
  contentSecurityPolicy,
  makeNonce,
  securityHeaders,
  servedOverHttps,
} from "@/lib/edge/security-headers";
import { ensureAuthSecret } from "@/lib/auth/secret";
import { embedAllowedOrigins } from "@/lib/edge/embed-origins.mjs";
import { EMBED_REQUEST_HEADER, isEmbedPath } from "@/lib/edge/embed-surface";
import { ONE_CLICK_HANDLER_PATH, rewritesToOneClickHandler } from "@/lib/edge/one-click-unsubscribe";

/**
 * The one gate in front of the app (Next 16 Proxy, Node.js runtime): cross-site writes refused, signed-in
 * areas closed to anonymous visitors, and the security headers on every response. The rules live in
 * lib/edge/*; this file only wires them to the request.
 */
export async function proxy(req: NextRequest) {
  const https = servedOverHttps(req.nextUrl, req.headers.get("x-forwarded-proto"));
  const nonce = makeNonce();
  // The embeddable panel alone may be framed, and only by the configured origins (issue 16 part 3).
  const embed = isEmbedPath(req.nextUrl.pathname);
  const csp = contentSecurityPolicy(nonce, {
    https,
    dev: process.env.NODE_ENV === "development",
    frameAncestors: embed ? embedAllowedOrigins() : undefined,
  });

  const finish = (res: Response | NextResponse) => {
    res.headers.set("Content-Security-Policy", csp);
    for (const [name, value] of Object.entries(securityHeaders({ https, embed })))
      res.headers.set(name, value);
    return res;
  };

  const origin = checkWriteOrigin({
    method: req.method,
    pathname: req.nextUrl.pathname,
    origin: req.headers.get("origin"),
    host: req.headers.get("host"),
    forwardedHost: req.headers.get("x-forwarded-host"),
    configuredUrl: process.env.NEXTAUTH_URL,
  });
  if (!origin.ok) {
    return finish(
      new Response(origin.message, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } }),
    );
  }

  if (needsSession(req.nextUrl.pathname) && !(await hasSession(req))) {
    // Next turns a same-host Location into a relative one, so the visitor stays on the host they came in on.
    return finish(NextResponse.redirect(new URL(loginRedirectPath(req.nextUrl), req.url), 307));
  }

  if (rewritesToOneClickHandler(req.method, req.nextUrl.pathname, req.headers.get("next-action"))) {
    const handler = req.nextUrl.clone();
    handler.pathname = ONE_CLICK_HANDLER_PATH;
    return finish(NextResponse.rewrite(handler));
  }

  // Next reads the nonce from the request's policy header while rendering and stamps it on its scripts.
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-nonce", nonce);
  // The root layout renders the panel without the site's chrome; only this proxy may say a request is one.
  if (embed) requestHeaders.set(EMBED_REQUEST_HEADER, "1");
  else requestHeaders.delete(EMBED_REQUEST_HEADER);
  return finish(NextResponse.next({ request: { headers: requestHeaders } }));
}

async function hasSession(req: NextRequest): Promise<boolean> {
  ensureAuthSecret(); // dev may run on a generated secret; production refuses to start without one
  try {
    return (await getToken({ req, secret: process.env.NEXTAUTH_SECRET })) !== null;
  } catch {
    return false; // an unreadable or tampered cookie is no session
  }
}

export const config = {
  // Everything but Next's own paths: hashed build assets, the image optimizer and, in development, the
  // hot-reload WebSocket (a proxy response there breaks the upgrade). Our pages and actions never live there.
  matcher: ["/((?!_next/).*)"],
};
