import { assertCanActFor } from "@/lib/auth/principal";
import { route } from "@/lib/http";
import { requireActiveClient } from "@/lib/referrals/find-client";
import { suggestCodes } from "@/lib/referrals/suggest-codes";
import { clientIdParamsSchema } from "@/lib/validation/referral-codes";

export const dynamic = "force-dynamic";

/** Five free codes to pick from; the seed puts `suggestions` at the top level, beside `success`. */
export const POST = route(
  { access: "user", params: clientIdParamsSchema },
  async ({ db, params, principal }) => {
    assertCanActFor(principal, params.id);
    const client = await requireActiveClient(db, params.id);
    const suggestions = await suggestCodes(db, { name: client.name, email: client.email, now: new Date() });
    return Response.json({ success: true, suggestions });
  },
);
