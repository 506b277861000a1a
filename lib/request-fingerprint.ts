import { createHash } from "node:crypto";

/** A keyed hash of a client address: comparable and countable, but not the address itself. */
export function hashIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const key = process.env.NEXTAUTH_SECRET ?? "musenest";
  return createHash("sha256").update(`${key}:${ip}`).digest("hex").slice(0, 32);
}

export const DEVICE_COOKIE = "mn_device";
export const REFERRAL_COOKIE = "mn_ref";
export const CLICK_COOKIE = "mn_click";
export const SOURCE_COOKIE = "mn_src";

export function referralCookieDays(): number {
  const days = Number(process.env.REFERRAL_COOKIE_DAYS ?? 30); // read per request: the cookie is set on the redirect
  return Number.isFinite(days) && days > 0 ? days : 30;
}
