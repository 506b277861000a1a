// Which forwarding headers Next may believe. Clients can send X-Forwarded-For and friends themselves, and
// Next's own server only adds them when they are missing, so rate limits and fraud rules keyed on the
// client address could be dodged by rotating a made-up header. The custom server (server.mjs) rewrites
// them from the socket before Next sees the request: only the entries appended by the TRUST_PROXY_HOPS
// proxies the operator runs in front of the app survive. Plain JS with JSDoc types so server.mjs can
// import it without a build.

/** @typedef {Record<string, string | string[] | undefined>} RequestHeaders */

/** Headers that only a trusted proxy may set; with no trusted proxy they come from the client. */
const PROXY_ONLY = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"];
/** Headers we never pass on: the address is rebuilt in X-Forwarded-For, the one place the app reads it. */
const ALWAYS_DROPPED = ["x-real-ip", "forwarded"];

/**
 * TRUST_PROXY_HOPS as a count of proxies: unset, empty, negative or not a whole number → 0 (trust none).
 * @param {string | undefined} value
 * @returns {number}
 */
export function parseTrustedHops(value) {
  if (value === undefined || !/^\s*\d{1,3}\s*$/.test(value)) return 0;
  return Number(value);
}

/**
 * The peer's address as written in X-Forwarded-For: IPv4-mapped IPv6 (`::ffff:1.2.3.4`) reads as IPv4.
 * @param {string | undefined} address
 * @returns {string | undefined}
 */
export function normalizeAddress(address) {
  if (!address) return undefined;
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

/**
 * The X-Forwarded-For entries of a request, left (client) to right (nearest proxy).
 * @param {string | string[] | undefined} value
 * @returns {string[]}
 */
export function forwardedChain(value) {
  const joined = Array.isArray(value) ? value.join(",") : (value ?? "");
  return joined
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/**
 * Rewrites `headers` in place so that X-Forwarded-For is the last `hops` entries the request arrived
 * with (the ones our own proxies appended) followed by the socket's address. Its first entry is then the
 * address the outermost trusted proxy saw — the client, as far as anyone we trust knows. X-Forwarded-
 * Host/Proto/Port are kept only when a trusted proxy could have set them; X-Real-IP and Forwarded never.
 * @param {RequestHeaders} headers
 * @param {string | undefined} socketAddress
 * @param {number} hops
 * @returns {RequestHeaders}
 */
export function rewriteForwardedHeaders(headers, socketAddress, hops) {
  const incoming = forwardedChain(headers["x-forwarded-for"]);
  const trusted = hops > 0 ? incoming.slice(-hops) : [];
  const peer = normalizeAddress(socketAddress);
  const chain = peer ? [...trusted, peer] : trusted;
  if (chain.length) headers["x-forwarded-for"] = chain.join(", ");
  else delete headers["x-forwarded-for"];

  for (const name of ALWAYS_DROPPED) delete headers[name];
  if (hops === 0) for (const name of PROXY_ONLY) delete headers[name];
  // This server speaks plain HTTP; only a trusted proxy can say the visitor used https.
  headers["x-forwarded-proto"] ??= "http";
  return headers;
}
