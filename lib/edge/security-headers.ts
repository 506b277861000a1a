/**
 * The headers every response carries (defect 7). Pure functions so the policy is unit-tested; proxy.ts
 * applies them. Next reads the nonce back from the request's Content-Security-Policy header and stamps it on
 * its own inline and bundle scripts, so pages must render per request (ours do: the layout reads the session).
 */

/** 16 random bytes, base64: unguessable per request, valid in a CSP nonce-source. */
export function makeNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * `frameAncestors`: the origins that may frame this response — only the embeddable panel (/embed/*) passes
 * EMBED_ALLOWED_ORIGINS; every other page keeps 'none'.
 */
export function contentSecurityPolicy(
  nonce: string,
  opts: { https: boolean; dev?: boolean; frameAncestors?: readonly string[] },
): string {
  const ancestors = opts.frameAncestors?.length ? opts.frameAncestors.join(" ") : "'none'";
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': chunks loaded by Next's nonce'd runtime are trusted; nothing else runs. React's dev
    // build needs eval for its error overlays, production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    // Style attributes (recharts, progress bars) are rendered on the server; a nonce can't cover attributes
    // and would switch 'unsafe-inline' off, so styles stay inline-allowed. Scripts are what CSP protects here.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
    // Only over https: on plain http it would send every sub-resource to an https port that isn't there.
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/**
 * The static headers; HSTS only when the page really came over https (never pin a plain-http host).
 * `embed` (the framable panel): no X-Frame-Options (CSP frame-ancestors decides, and XFO can't name a list),
 * and no Referer at all, since the panel's URL carries its token.
 */
export function securityHeaders(opts: { https: boolean; embed?: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    ...(opts.embed ? {} : { "X-Frame-Options": "DENY" }),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": opts.embed ? "no-referrer" : "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (opts.https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/**
 * Whether this request reached us over https: the URL itself, or `X-Forwarded-Proto: https` from the TLS
 * proxy in front (the only hop that can terminate TLS for a `next start` server).
 */
export function servedOverHttps(url: URL, forwardedProto: string | null): boolean {
  if (url.protocol === "https:") return true;
  const first = forwardedProto?.split(",")[0]?.trim().toLowerCase();
  return first === "https";
}
