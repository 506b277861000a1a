import { assertCanActFor } from "@/lib/auth/principal";
import { reply, route } from "@/lib/http";
import { listClientCodes, referralCodeJson } from "@/lib/queries/referral-codes";
import { createReferralCode } from "@/lib/referrals/create-code";
import { findClient } from "@/lib/referrals/find-client";
import { clientIdParamsSchema, createReferralCodeSchema } from "@/lib/validation/referral-codes";

export const dynamic = "force-dynamic";

// A client may act only for their own id (403 for any other, existing or not); admins and API keys get
// 404 "Client not found" for an id that is not a client.

/** The client's codes with usage and commission counters. */
export const GET = route(
  { access: "user", params: clientIdParamsSchema },
  async ({ db, params, principal }) => {
    assertCanActFor(principal, params.id);
    await findClient(db, params.id);
    return listClientCodes(db, params.id);
  },
);

/** A new code: the custom code asked for, or a generated one. */
export const POST = route(
  { access: "user", params: clientIdParamsSchema, body: createReferralCodeSchema },
  async ({ db, params, body, principal }) => {
    assertCanActFor(principal, params.id);
    const code = await createReferralCode(db, params.id, body, new Date());
    return reply(referralCodeJson(code), { status: 201, message: "Referral code created successfully" });
  },
);
