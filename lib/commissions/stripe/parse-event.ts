import { DomainError } from "@/lib/errors";
import { issueDetails } from "@/lib/validation/issues";
import { parseStripeEvent, type ParsedStripeEvent } from "@/lib/validation/stripe-events";

/** The event, checked before anything is written: a malformed one is refused whole. */
export function parseEvent(raw: unknown): ParsedStripeEvent {
  const parsed = parseStripeEvent(raw);
  if (parsed.success) return parsed.data;
  const details = issueDetails(parsed.error);
  throw new DomainError("malformed_event", `Malformed Stripe event: ${details[0]}`, { status: 400, details });
}
