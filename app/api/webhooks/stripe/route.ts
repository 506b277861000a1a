import { receiveStripeWebhook } from "@/lib/commissions/stripe-webhook";
import { errorResponse, reply, route } from "@/lib/http";

export const dynamic = "force-dynamic";

/**
 * `POST /api/webhooks/stripe`: Stripe events, authenticated by their signature (not a session or key).
 * The raw body is what was signed, so it is read as text, never re-serialised. A signed event that is
 * malformed answers 400 `malformed_event`; a well-formed one of a type we don't use, 200 `ignored`.
 */
export const POST = route({ access: "public" }, async ({ db, req }) => {
  const secret = process.env.STRIPE_WEBHOOK_SECRET;
  if (!secret) {
    return errorResponse(503, "Stripe webhooks are not configured on this server (STRIPE_WEBHOOK_SECRET)", {
      code: "webhook_not_configured",
    });
  }
  const result = await receiveStripeWebhook(db, {
    payload: await req.text(),
    signature: req.headers.get("stripe-signature"),
    secret,
  });
  return reply({
    received: true,
    event_id: result.eventId,
    type: result.type,
    outcome: result.outcome,
    detail: result.detail ?? null,
    payment_id: result.paymentId ?? null,
  });
});
