import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { referralSource } from "@/db/schema/enums";
import { route } from "@/lib/http";
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

const params = z.object({ code: z.string().max(64) });
// An unknown `src` is not an error for a link someone shared: it counts as a plain link click.
const query = z.object({ src: z.enum(referralSource.enumValues).catch("link").default("link") });

/** Invite link: log the click, remember the code in a first-party cookie, continue to signup. */
export const GET = route(
  { access: "public", params, query },
  async ({ req, params, query, ip, userAgent }) => {
    // A chat app drawing the link's preview card follows the redirect to the signup page (which carries the
    // card's Open Graph tags) but is not a visitor: no click, no cookies.
    if (isLinkPreviewFetcher(userAgent)) {
      const target = new URL("/signup", req.nextUrl.origin);
      target.searchParams.set("ref", params.code.slice(0, 40));
      return NextResponse.redirect(target, 307);
    }
    const deviceId = req.cookies.get(DEVICE_COOKIE)?.value ?? randomUUID();
    const click = await recordClick(await getDb(), {
      rawCode: params.code,
      ipHash: hashIp(ip),
      userAgent,
      source: query.src,
      referrerUrl: req.headers.get("referer"),
      deviceId,
    });
    const target = new URL("/signup", req.nextUrl.origin);
    if (click) target.searchParams.set("ref", click.code);
    else if (params.code) target.searchParams.set("ref", params.code.slice(0, 20));
    const response = NextResponse.redirect(target, 307);
    const cookie = {
      httpOnly: true,
      sameSite: "lax" as const,
      path: "/",
      maxAge: referralCookieDays() * 86_400,
    };
    response.cookies.set(DEVICE_COOKIE, deviceId, { ...cookie, maxAge: 365 * 86_400 });
    if (click) {
      response.cookies.set(REFERRAL_COOKIE, click.code, cookie);
      response.cookies.set(CLICK_COOKIE, String(click.clickId), cookie);
      response.cookies.set(SOURCE_COOKIE, query.src, cookie);
    }
    return response;
  },
);
