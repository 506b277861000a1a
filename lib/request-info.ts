// The client's address and browser as the server sees them.
//
// X-Forwarded-For lists the client first and each proxy appends the address it received from, so only
// the entries added by proxies we run can be trusted: with TRUST_PROXY_HOPS=N (default 1, a reverse
// proxy in front of the app) the client is the N-th entry from the right. Next's own server adds the
// header only when it is missing, so without a proxy a client could choose its own address here:
// deploy behind one for rate limits and fraud rules that can't be dodged.
export function clientIp(headers: Headers): string | null {
  const hops = Math.max(1, Number(process.env.TRUST_PROXY_HOPS ?? 1) || 1);
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length) return entries[Math.max(0, entries.length - hops)].slice(0, 64);
  return headers.get("x-real-ip")?.slice(0, 64) || null;
}

export function userAgent(headers: Headers): string | null {
  return headers.get("user-agent")?.slice(0, 500) ?? null;
}
