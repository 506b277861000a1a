import Stripe from "stripe";
import { DomainError } from "@/lib/errors";

/**
 * Checks the `Stripe-Signature` header against the endpoint secret with the official library and
 * returns the event it signs, still unparsed: a valid signature says who sent the bytes, not that they
 * fit our tables (`parseStripeEvent` checks that next).
 */
export function verifyStripeSignature(payload: string, signature: string | null, secret: string): unknown {
  if (!signature) {
    throw new DomainError("missing_signature", "Missing Stripe-Signature header", { status: 400 });
  }
  try {
    return Stripe.webhooks.constructEvent(payload, signature, secret);
  } catch {
    throw new DomainError("invalid_signature", "Invalid Stripe signature", { status: 400 });
  }
}
