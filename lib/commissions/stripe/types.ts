/** What one delivery of a Stripe event came to, as `POST /api/webhooks/stripe` answers it. */
export type StripeWebhookResult = {
  eventId: string;
  type: string;
  outcome: "processed" | "duplicate" | "ignored";
  detail?: string;
  paymentId?: number;
};

/** What a handler decided; the receiver adds the event's id and type. */
export type Handled = Omit<StripeWebhookResult, "eventId" | "type">;
