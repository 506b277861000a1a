import { getDb } from "@/db/client";
import { maskEmail } from "@/lib/format";
import { route } from "@/lib/http";
import { checkRateLimit, limitFromEnv } from "@/lib/rate-limit";
import { checkCode } from "@/lib/referrals/validate-code";
import { referralCodeParamsSchema } from "@/lib/validation/referral-codes";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * Public: whether a code can be used, in the seed's own shape (`{ valid, data | error }`, not the
 * `{ success }` envelope). Every answer to a lookup is 200, including a failed check — the seed calls
 * `{ valid: false, error }` a success response — so the only other statuses are 429 (rate limit) and
 * the wrapper's own 5xx. The referrer's e-mail is masked: anyone can guess codes here.
 */
export const GET = route({ access: "public", params: referralCodeParamsSchema }, async ({ params, ip }) => {
  const limit = checkRateLimit("validate-referral-code", ip ?? "unknown", {
    limit: limitFromEnv("VALIDATE_RATE_LIMIT_PER_MINUTE", 60),
    windowMs: 60_000,
  });
  if (!limit.allowed) {
    return Response.json(
      { valid: false, error: `Too many attempts. Try again in ${limit.retryAfterSeconds} seconds.` },
      { status: 429, headers: { ...NO_STORE, "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }

  const result = await checkCode(await getDb(), params.code, new Date());
  if (!result.valid) return Response.json({ valid: false, error: result.error }, { headers: NO_STORE });
  const { code, referrer } = result;
  return Response.json(
    {
      valid: true,
      data: {
        code: code.code,
        code_name: code.codeName,
        referrer_email: maskEmail(referrer.email),
        referrer_name: referrer.name,
        usage_count: code.usageCount,
        usage_limit: code.usageLimit,
        expires_at: code.expiresAt,
      },
    },
    { headers: NO_STORE },
  );
});
