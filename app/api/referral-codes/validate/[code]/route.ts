import { isAdmin } from "@/lib/auth/principal";
import { maskEmail } from "@/lib/privacy/mask";
import { route } from "@/lib/http";
import { limitedCodeCheck } from "@/lib/referrals/limit-code-validation";
import { referralCodeParamsSchema } from "@/lib/validation/referral-codes";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * Public: whether a code can be used, in the seed's own shape (`{ valid, data | error }`, not the
 * `{ success }` envelope). Every answer to a lookup is 200, including a failed check — the seed calls
 * `{ valid: false, error }` a success response — so the only other statuses are 429 (rate limit) and
 * the wrapper's own 5xx. Anyone can guess codes here, so a stranger learns only that the code works
 * and whose it is (the display name); its volume, limits and the referrer's (masked) e-mail are for
 * the code's owner, admins and API keys.
 */
export const GET = route(
  { access: "public", params: referralCodeParamsSchema },
  async ({ db, params, ip, principal }) => {
    // The attempt is counted and the code looked up in one statement; the answer is only sent when the
    // attempt was within the limit.
    const { limit, check: result } = await limitedCodeCheck(db, params.code, ip);
    if (!limit.allowed) {
      return Response.json(
        { valid: false, error: `Too many attempts. Try again in ${limit.retryAfterSeconds} seconds.` },
        { status: 429, headers: { ...NO_STORE, "Retry-After": String(limit.retryAfterSeconds) } },
      );
    }

    if (!result.valid) return Response.json({ valid: false, error: result.error }, { headers: NO_STORE });
    const { code, referrer } = result;
    const insider = isAdmin(principal) || (principal.kind === "user" && principal.user.id === referrer.id);
    const data = insider
      ? {
          code: code.code,
          code_name: code.codeName,
          referrer_email: maskEmail(referrer.email),
          referrer_name: referrer.name,
          usage_count: code.usageCount,
          usage_limit: code.usageLimit,
          expires_at: code.expiresAt,
        }
      : { code: code.code, referrer_name: referrer.name };
    return Response.json({ valid: true, data }, { headers: NO_STORE });
  },
);
