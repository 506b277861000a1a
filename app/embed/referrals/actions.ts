"use server";

import { action } from "@/lib/action";
import { requireEmbedGrant } from "@/lib/embed/embed-tokens";
import { createReferralCode } from "@/lib/referrals/create-code";
import { embedCreateCodeSchema } from "@/lib/validation/embed";

/**
 * The embedded panel's "new code": authenticated by the panel's token (a form field), never by a session, and
 * for the token's client only — the same domain call as the dashboard's form.
 */
export const createEmbedCodeAction = action(
  { access: "public", schema: embedCreateCodeSchema },
  async ({ token, ...input }, { db }) => {
    const grant = await requireEmbedGrant(db, token);
    const code = await createReferralCode(db, grant.userId, input);
    return { status: "success", message: `Code ${code.code} created.`, data: { code: code.code } };
  },
);
