import { reply, route } from "@/lib/http";
import { rotateEndpointSecret } from "@/lib/webhooks/manage-endpoints";
import { webhookEndpointParamsSchema } from "@/lib/validation/webhook-endpoints";

export const dynamic = "force-dynamic";

/** `POST /api/webhook-endpoints/:id/rotate-secret`: a new `whsec_…` secret, shown once, used from now on. */
export const POST = route(
  { access: "admin", params: webhookEndpointParamsSchema },
  async ({ db, params, actor }) =>
    reply(await rotateEndpointSecret(db, params.id, actor), {
      message: "Secret rotated. Copy it now: it is not shown again.",
    }),
);
