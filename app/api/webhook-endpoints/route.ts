import { reply, route } from "@/lib/http";
import { createEndpoint, listEndpoints } from "@/lib/webhooks/manage-endpoints";
import { createWebhookEndpointSchema } from "@/lib/validation/webhook-endpoints";

export const dynamic = "force-dynamic";

/** `GET /api/webhook-endpoints` (admin session or API key): every endpoint, without secrets. */
export const GET = route({ access: "admin" }, async ({ db }) => listEndpoints(db));

/**
 * `POST /api/webhook-endpoints` `{ url, events, description }` → 201 with the endpoint and its `whsec_…`
 * secret, shown this once. A URL resolving to a private, loopback or metadata address is a 400.
 */
export const POST = route(
  { access: "admin", body: createWebhookEndpointSchema },
  async ({ db, body, actor }) =>
    reply(await createEndpoint(db, body, actor), {
      status: 201,
      message: "Webhook endpoint created. Copy the secret now: it is not shown again.",
    }),
);
