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
  async ({ db, params, actor }) => {
    const { outcome, ...sent } = await sendTestEvent(db, params.id, actor);
    return reply(
      {
        ...sent,
        outcome: outcome.outcome,
        status_code: "statusCode" in outcome ? outcome.statusCode : null,
        error: "error" in outcome ? outcome.error : null,
        next_attempt_at: "nextAttemptAt" in outcome ? outcome.nextAttemptAt : null,
      },
      { message: outcome.outcome === "succeeded" ? "Test event delivered" : "Test event not accepted" },
    );
  },
);
