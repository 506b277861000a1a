// EMBED_ALLOWED_ORIGINS (issue 16 part 3): the sites that may frame /embed/* (CSP frame-ancestors). Plain
// JavaScript so server.mjs can refuse a bad value at startup and proxy.ts can read the same list.

/**
 * The origins in a comma-separated EMBED_ALLOWED_ORIGINS, or the first entry that is not an origin.
 * An origin is `http(s)://host[:port]` and nothing more: no path, query, credentials or wildcard, since each
 * entry lands verbatim in a Content-Security-Policy header.
 * @param {string | undefined} value
 * @returns {{ ok: true, origins: string[] } | { ok: false, message: string }}
 */
export function parseEmbedOrigins(value) {
  const origins = [];
  for (const raw of (value ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const origin = originOf(entry);
    if (!origin) {
      return {
        ok: false,
        message: `EMBED_ALLOWED_ORIGINS: "${entry}" is not an origin such as https://app.example.com (scheme, host and optional port, nothing else).`,
      };
    }
    if (!origins.includes(origin)) origins.push(origin);
  }
  return { ok: true, origins };
}

/** @param {string} entry */
function originOf(entry) {
  if (!/^https?:\/\/[^/?#\s*'";,]+\/?$/i.test(entry)) return null;
  let url;
  try {
    url = new URL(entry);
  } catch {
    return null;
  }
  if (url.username || url.password || (url.pathname !== "/" && url.pathname !== "")) return null;
  return url.origin;
}

/**
 * The allowed origins of this process's environment; an invalid value allows none (server.mjs refuses to
 * start with one, so this only matters under `next dev`).
 * @returns {string[]}
 */
export function embedAllowedOrigins() {
  const parsed = parseEmbedOrigins(process.env.EMBED_ALLOWED_ORIGINS);
  return parsed.ok ? parsed.origins : [];
}
