import { reply, route } from "@/lib/http";
import { attributeSignup } from "@/lib/referrals/attribute-signup";
import { createClientSchema } from "@/lib/validation/signup";

export const dynamic = "force-dynamic";

/** `POST /api/clients` (admin session or API key): the seed's client creation, through the same signup. */
export const POST = route({ access: "admin", body: createClientSchema }, async ({ body, ip, userAgent }) => {
  const result = await attributeSignup({
    name: body.name,
    email: body.email,
    phone: body.phone ?? null,
    businessType: body.business_type,
    description: body.description ?? null,
    templateId: body.template_id ?? null,
    subscriptionTierId: body.subscription_tier_id ?? null,
    aiConfig: body.ai_config ?? null,
    status: body.status,
    trialDays: body.trial_days,
    clientType: body.client_type,
    regionId: body.region_id,
    salesChannelId: body.sales_channel_id,
    referralCode: body.referral_code ?? null,
    ip,
    userAgent,
    source: body.source ?? "api",
  });
  return reply(
    {
      user_id: result.user.id,
      model_id: result.siteId,
      account_number: result.user.accountNumber,
      subscription_id: result.subscriptionId,
      temp_password: result.tempPassword,
      login_url: `/login?email=${encodeURIComponent(result.user.email)}`,
      site_url: `/${result.user.slug}`,
      referral_code: result.ownCode.code,
      referral_info: result.referral
        ? { code_used: result.referral.codeUsed, referred_by: result.referral.referrer.email }
        : null,
    },
    { status: 201, message: "Client created successfully" },
  );
});
