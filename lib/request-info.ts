// The client's address and browser as the server sees them.
//
// The custom server (server.mjs, lib/server/forwarded.mjs) rebuilds X-Forwarded-For from the socket before
// Next sees a request: it keeps only the entries appended by the TRUST_PROXY_HOPS proxies in front of
// the app, then the socket's address. Its first entry is therefore the address the outermost trusted
// proxy saw — nothing the client can choose. (`next dev` has no such server: Next adds the header only
// when it is missing, so in development a client can still name its own address.)
export function clientIp(headers: Headers): string | null {
  const first = (headers.get("x-forwarded-for") ?? "").split(",")[0]?.trim();
  return first ? first.slice(0, 64) : null;
}

export function userAgent(headers: Headers): string | null {
  return headers.get("user-agent")?.slice(0, 500) ?? null;
}
