import { assertCanActFor } from "@/lib/auth/principal";
import { route } from "@/lib/http";
import { referralCodeJson } from "@/lib/queries/referral-codes";
import { updateReferralCode } from "@/lib/referrals/update-code";
import { referralCodeIdParamsSchema, updateReferralCodeSchema } from "@/lib/validation/referral-codes";

export const dynamic = "force-dynamic";

/** Activates/deactivates a code or changes its name, usage limit or expiry. */
export const PATCH = route(
  { access: "user", params: referralCodeIdParamsSchema, body: updateReferralCodeSchema },
  async ({ db, params, body, principal }) => {
    assertCanActFor(principal, params.id);
    const code = await updateReferralCode(db, params.id, params.codeId, body, new Date());
    return referralCodeJson(code);
  },
);
