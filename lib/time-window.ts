// The one rule for every dated window (campaigns, reward rules and offers): half-open, [startsAt, endsAt).
// Open from the start instant itself, closed from the end instant itself; a missing end is unbounded. So a
// campaign that ends at midnight pays nothing on a payment made at midnight, and a rule that starts then
// applies to it — whichever check (commission, code linking, admin state, reward rules) asks.

export type TimeWindow = { startsAt: Date | null; endsAt: Date | null };

export function hasWindowStarted(window: TimeWindow, at: Date): boolean {
  return !window.startsAt || window.startsAt.getTime() <= at.getTime();
}

export function hasWindowEnded(window: TimeWindow, at: Date): boolean {
  return Boolean(window.endsAt) && window.endsAt!.getTime() <= at.getTime();
}

/** `startsAt ≤ at < endsAt`, either end open. */
export function isWindowOpen(window: TimeWindow, at: Date): boolean {
  return hasWindowStarted(window, at) && !hasWindowEnded(window, at);
}
