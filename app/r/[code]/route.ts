import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { z } from "zod";
import { REFERRAL_SOURCES } from "@/lib/enums";
import { route } from "@/lib/http";
import { codeFromLink } from "@/lib/referrals/code-from-link";
import { isLinkPreviewFetcher } from "@/lib/referrals/link-preview-bot";
import { recordClick } from "@/lib/referrals/record-click";
import {
  CLICK_COOKIE,
  DEVICE_COOKIE,
  hashIp,
  REFERRAL_COOKIE,
  referralCookieDays,
  SOURCE_COOKIE,
} from "@/lib/request-fingerprint";

export const dynamic = "force-dynamic";

// Any string: a mangled link still reaches signup (codeFromLink cuts it to a sane length), never a 400.
const params = z.object({ code: z.string() });
// An unknown `src` is not an error for a link someone shared: it counts as a plain link click.
const query = z.object({ src: z.enum(REFERRAL_SOURCES).catch("link").default("link") });

/**
 * 307 to signup with a relative Location, so the visitor stays on the host they came in on (where the
 * attribution cookies were just set) — `req.nextUrl.origin` is the server's own bind address behind a proxy.
 * NextResponse.redirect insists on an absolute URL, so the redirect is built by hand.
 */
function toSignup(ref: string): NextResponse {
  const search = ref ? `?${new URLSearchParams({ ref: codeFromLink(ref) })}` : "";
  return new NextResponse(null, { status: 307, headers: { Location: `/signup${search}` } });
}

/** Invite link: log the click, remember the code in a first-party cookie, continue to signup. */
export const GET = route(
  { access: "public", params, query },
  async ({ db, req, params, query, ip, userAgent }) => {
    // A chat app drawing the link's preview card follows the redirect to the signup page (which carries the
    // card's Open Graph tags) but is not a visitor: no click, no cookies.
    if (isLinkPreviewFetcher(userAgent)) return toSignup(params.code);
    const deviceId = req.cookies.get(DEVICE_COOKIE)?.value ?? randomUUID();
    const click = await recordClick(db, {
      rawCode: params.code,
      ipHash: hashIp(ip),
      userAgent,
      source: query.src,
      referrerUrl: req.headers.get("referer"),
      deviceId,
    });
    const response = toSignup(click ? click.code : params.code);
    const cookie = {
      httpOnly: true,
      sameSite: "lax" as const,
      path: "/",
      maxAge: referralCookieDays() * 86_400,
    };
    const jar = response.cookies;
    jar.set(DEVICE_COOKIE, deviceId, { ...cookie, maxAge: 365 * 86_400 });
    if (click) {
      jar.set(REFERRAL_COOKIE, click.code, cookie);
      jar.set(CLICK_COOKIE, String(click.clickId), cookie);
      jar.set(SOURCE_COOKIE, query.src, cookie);
    }
    return response;
  },
);
