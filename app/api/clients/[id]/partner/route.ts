import { assignPartner, type PartnerAssignment } from "@/lib/clients/assign-partner";
import { reply, route } from "@/lib/http";
import { clientIdParamsSchema } from "@/lib/validation/referral-codes";
import { clientPartnerSchema } from "@/lib/validation/clients";

export const dynamic = "force-dynamic";

function partnerAssignmentJson(result: PartnerAssignment) {
  return {
    client_id: result.client.id,
    partner: result.partner
      ? {
          user_id: result.partner.id,
          name: result.partner.name,
          email: result.partner.email,
          override_bps: result.partner.overrideBps,
        }
      : null,
    previous_partner_user_id: result.previousPartnerId,
    changed: result.changed,
  };
}

/**
 * `PUT /api/clients/:id/partner` (admin session or API key) `{ "partner_user_id": 12 }` or `null`: the
 * white-label partner the client belongs to. It applies to payments recorded after the change; audited.
 */
export const PUT = route(
  { access: "admin", params: clientIdParamsSchema, body: clientPartnerSchema },
  async ({ db, params, body, actor }) => {
    const result = await assignPartner(
      db,
      { clientId: params.id, partnerUserId: body.partner_user_id },
      actor,
    );
    return reply(partnerAssignmentJson(result), {
      message: !result.changed
        ? "Partner unchanged"
        : result.partner
          ? `${result.client.name} now belongs to ${result.partner.name}`
          : `${result.client.name} no longer has a partner`,
    });
  },
);
