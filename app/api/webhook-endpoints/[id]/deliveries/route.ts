import { route } from "@/lib/http";
import { listDeliveries } from "@/lib/webhooks/manage-endpoints";
import { webhookEndpointParamsSchema } from "@/lib/validation/webhook-endpoints";

export const dynamic = "force-dynamic";

/**
 * `GET /api/webhook-endpoints/:id/deliveries`: the latest 50 deliveries, newest first — event, attempts,
 * status code, latency and an excerpt of the response.
 */
export const GET = route({ access: "admin", params: webhookEndpointParamsSchema }, async ({ db, params }) =>
  listDeliveries(db, params.id),
);
