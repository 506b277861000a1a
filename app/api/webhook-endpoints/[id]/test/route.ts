import { reply, route } from "@/lib/http";
import { sendTestEvent } from "@/lib/webhooks/manage-endpoints";
import { webhookEndpointParamsSchema } from "@/lib/validation/webhook-endpoints";

export const dynamic = "force-dynamic";

/**
 * `POST /api/webhook-endpoints/:id/test`: sends a signed `webhook.test` event to this endpoint now and
 * answers with the outcome (`succeeded`, or `retrying` with the error: the delivery job tries again).
 */
export const POST = route(
  { access: "admin", params: webhookEndpointParamsSchema },
  async ({ db, params, actor }) =>
    reply(await sendTestEvent(db, params.id, actor), { message: "Test event sent" }),
);
