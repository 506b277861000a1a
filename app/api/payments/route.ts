import { recordPayment, type RecordedPayment } from "@/lib/commissions/record-payment";
import { reply, route } from "@/lib/http";
import { recordPaymentSchema } from "@/lib/validation/payments";

export const dynamic = "force-dynamic";

function paymentJson(result: RecordedPayment) {
  return {
    payment_id: result.payment.id,
    external_id: result.payment.externalId,
    type: result.payment.type,
    amount_cents: result.payment.amountCents,
    currency: result.payment.currency,
    occurred_at: result.payment.occurredAt,
    commissions: result.commissions.map((c) => ({
      id: c.id,
      beneficiary_user_id: c.beneficiaryUserId,
      level: c.level,
      kind: c.kind,
      amount_cents: c.amountCents,
      currency: c.currency,
      status: c.status,
      hold_until: c.holdUntil,
    })),
  };
}

/**
 * `POST /api/payments` (API key or admin): a client's payment, refund or chargeback. 201 with the
 * commissions it wrote; the same `external_id` again → 200 with the same result, nothing written.
 */
export const POST = route({ access: "admin", body: recordPaymentSchema }, async ({ db, body }) => {
  const result = await recordPayment(db, body);
  return reply(paymentJson(result), {
    status: result.created ? 201 : 200,
    message: result.created ? "Payment recorded" : "Payment already recorded",
  });
});
