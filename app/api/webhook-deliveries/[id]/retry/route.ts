import { reply, route } from "@/lib/http";
import { retryDelivery } from "@/lib/webhooks/manage-endpoints";
import { webhookDeliveryParamsSchema } from "@/lib/validation/webhook-endpoints";

export const dynamic = "force-dynamic";

/** `POST /api/webhook-deliveries/:id/retry`: sends the delivery again now (202), same event id. */
export const POST = route(
  { access: "admin", params: webhookDeliveryParamsSchema },
  async ({ db, params, actor }) =>
    reply(await retryDelivery(db, params.id, actor), { status: 202, message: "Delivery queued again" }),
);
