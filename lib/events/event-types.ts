// The business events the app records (lib/events/record-event.ts) and webhooks can subscribe to.
// Plain data, so forms and client components can list them too.
export const EVENT_TYPES = [
  "client.created",
  "referral.created",
  "referral.flagged",
  "referral.approved",
  "referral.rejected",
  "commission.created",
  "commission.approved",
  "commission.paid",
  "commission.reversed",
  "payout.paid",
  "reward.redeemed",
  // Recorded by triggers (migration 0035) on the rows that win a badge and raise a commission tier, so every
  // path that does either records it once; payloads in lib/events/resource-json.ts.
  "badge.earned",
  "tier.reached",
  "payout_batch.created",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** Sent by "Send test" to one endpoint only; never fanned out to subscribers. */
export const TEST_EVENT_TYPE = "webhook.test";
