// The client's address and browser as the server sees them. Behind a proxy, the first
// X-Forwarded-For hop is the client; Next's own server sets it in development and `next start`.
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || null;
}

export function userAgent(headers: Headers): string | null {
  return headers.get("user-agent")?.slice(0, 500) ?? null;
}
