import { reply, route } from "@/lib/http";
import { sendTestEvent } from "@/lib/webhooks/manage-endpoints";
import { webhookEndpointParamsSchema } from "@/lib/validation/webhook-endpoints";

export const dynamic = "force-dynamic";

/** `POST /api/webhook-endpoints/:id/test`: queues a signed `webhook.test` event to this endpoint only (202). */
export const POST = route(
  { access: "admin", params: webhookEndpointParamsSchema },
  async ({ db, params, actor }) =>
    reply(await sendTestEvent(db, params.id, actor), { status: 202, message: "Test event queued" }),
);
