"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { referralSource } from "@/db/schema/enums";
import { action } from "@/lib/action";
import { signInAs } from "@/lib/auth/sign-in-as";
import { canonicalCode } from "@/lib/referrals/code-format";
import { attributeSignup } from "@/lib/referrals/attribute-signup";
import { CLICK_COOKIE, DEVICE_COOKIE, REFERRAL_COOKIE, SOURCE_COOKIE } from "@/lib/request-fingerprint";
import { signupSchema } from "@/lib/validation/signup";

export const signUp = action({ access: "public", schema: signupSchema }, async (input, ctx) => {
  const jar = await cookies();
  // The invite link's click and source count only if the code submitted is the one the link carried.
  const linkCode = jar.get(REFERRAL_COOKIE)?.value;
  const fromLink = Boolean(
    input.referralCode && linkCode && canonicalCode(linkCode) === canonicalCode(input.referralCode),
  );
  const source = referralSource.enumValues.find((s) => s === jar.get(SOURCE_COOKIE)?.value);
  const clickId = Number(jar.get(CLICK_COOKIE)?.value);

  const result = await attributeSignup({
    name: input.name,
    email: input.email,
    phone: input.phone ?? null,
    password: input.password,
    businessType: input.businessType,
    referralCode: input.referralCode ?? null,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    deviceId: jar.get(DEVICE_COOKIE)?.value ?? null,
    source: fromLink ? (source ?? "link") : "manual",
    clickId: fromLink && Number.isSafeInteger(clickId) && clickId > 0 ? clickId : null,
  });
  for (const name of [REFERRAL_COOKIE, CLICK_COOKIE, SOURCE_COOKIE]) jar.delete(name);
  await signInAs(result.user);
  redirect("/dashboard?welcome=1");
});
