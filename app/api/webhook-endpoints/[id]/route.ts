import { reply, route } from "@/lib/http";
import { deleteEndpoint, updateEndpoint } from "@/lib/webhooks/manage-endpoints";
import { updateWebhookEndpointSchema, webhookEndpointParamsSchema } from "@/lib/validation/webhook-endpoints";

export const dynamic = "force-dynamic";

/** `PATCH /api/webhook-endpoints/:id` `{ url?, events?, description?, enabled? }` (admin or API key). */
export const PATCH = route(
  { access: "admin", params: webhookEndpointParamsSchema, body: updateWebhookEndpointSchema },
  async ({ db, params, body, actor }) =>
    reply(await updateEndpoint(db, params.id, body, actor), { message: "Webhook endpoint updated" }),
);

/** `DELETE /api/webhook-endpoints/:id`: the endpoint and its delivery history. */
export const DELETE = route(
  { access: "admin", params: webhookEndpointParamsSchema },
  async ({ db, params, actor }) => {
    await deleteEndpoint(db, params.id, actor);
    return reply({ id: params.id, deleted: true }, { message: "Webhook endpoint deleted" });
  },
);
