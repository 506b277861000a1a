import { createClient } from "@/lib/clients/create-client";
import { reply, route } from "@/lib/http";
import { createClientSchema } from "@/lib/validation/signup";

export const dynamic = "force-dynamic";

/** `POST /api/clients` (admin session or API key): the seed's client creation, through the same signup. */
export const POST = route(
  { access: "admin", body: createClientSchema },
  async ({ db, actor, body, ip, userAgent }) => {
    const result = await createClient(db, body, {
      actor,
      ip,
      userAgent,
      via: "api",
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
  },
);
