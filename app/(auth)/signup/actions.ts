"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { action } from "@/lib/action";
import { signInAs } from "@/lib/auth/sign-in-as";
import { attributeSignup } from "@/lib/referrals/attribute-signup";
import { inviteAttribution } from "@/lib/referrals/invite-attribution";
import { CLICK_COOKIE, DEVICE_COOKIE, REFERRAL_COOKIE, SOURCE_COOKIE } from "@/lib/request-fingerprint";
import { signupSchema } from "@/lib/validation/signup";

export const signUp = action({ access: "public", schema: signupSchema }, async (input, ctx) => {
  const jar = await cookies();
  const { source, clickId } = inviteAttribution(input.referralCode, {
    code: jar.get(REFERRAL_COOKIE)?.value,
    source: jar.get(SOURCE_COOKIE)?.value,
    clickId: jar.get(CLICK_COOKIE)?.value,
  });
  const result = await attributeSignup(ctx.db, {
    name: input.name,
    email: input.email,
    phone: input.phone ?? null,
    password: input.password,
    businessType: input.businessType,
    referralCode: input.referralCode ?? null,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    deviceId: jar.get(DEVICE_COOKIE)?.value ?? null,
    source,
    clickId,
  });
  for (const name of [REFERRAL_COOKIE, CLICK_COOKIE, SOURCE_COOKIE]) jar.delete(name);
  await signInAs(result.user);
  redirect("/dashboard?welcome=1");
});
