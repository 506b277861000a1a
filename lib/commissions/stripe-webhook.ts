import { eq } from "drizzle-orm";
import type { Db } from "@/db/types";
import { webhookEvents } from "@/db/schema";
import { dispatchStripeEvent } from "./stripe/dispatch-event";
import { parseEvent } from "./stripe/parse-event";
import type { StripeWebhookResult } from "./stripe/types";
import { verifyStripeSignature } from "./stripe/verify-signature";

export type { StripeWebhookResult } from "./stripe/types";

/**
 * `POST /api/webhooks/stripe`: verifies the `Stripe-Signature` header against the endpoint secret with
 * the official library, then parses it: a malformed event (a leaked secret or a bug, never something to
 * half-apply) is refused with 400 `malformed_event` before any transaction opens. The event is handled
 * in one transaction that also records its id — so a redelivered event (or 100 concurrent deliveries of
 * one) is applied exactly once: the primary key on webhook_events makes every other delivery wait for
 * the first and then find it done.
 *
 * Events for people who are not our clients, or for payments we never saw, are acknowledged and
 * recorded as ignored (with the reason) rather than refused: refusing would only make Stripe retry.
 * One handler per event type lives in `./stripe/`.
 */
export async function receiveStripeWebhook(
  db: Db,
  input: {
    payload: string;
    signature: string | null;
    secret: string;
    now?: Date;
  },
): Promise<StripeWebhookResult> {
  const raw = verifyStripeSignature(input.payload, input.signature, input.secret);
  const parsed = parseEvent(raw);
  const { event } = parsed;
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [fresh] = await tx
      .insert(webhookEvents)
      .values({ id: event.id, provider: "stripe", type: event.type, receivedAt: now })
      .onConflictDoNothing()
      .returning({ id: webhookEvents.id });
    if (!fresh) return { eventId: event.id, type: event.type, outcome: "duplicate" as const };
    const handled = await dispatchStripeEvent(tx, parsed, now);
    await tx
      .update(webhookEvents)
      .set({ outcome: handled.detail ? `${handled.outcome}: ${handled.detail}` : handled.outcome })
      .where(eq(webhookEvents.id, event.id));
    return { eventId: event.id, type: event.type, ...handled };
  });
}
