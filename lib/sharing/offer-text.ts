// The offer in words, pure (share links, invite e-mails and the link preview card all say it the same way).

/** What a new client gets for signing up with someone's code, as an admin has configured it right now. */
export type NewClientOffer = { trialDays: number; bonusPoints: number };

/** "a 7-day free trial and 20 bonus points" — the parts that apply, or null when there is no offer at all. */
export function offerText(offer: NewClientOffer): string | null {
  const parts: string[] = [];
  if (offer.trialDays > 0) parts.push(`a ${offer.trialDays}-day free trial`);
  if (offer.bonusPoints > 0)
    parts.push(
      `${offer.bonusPoints.toLocaleString("en-US")} bonus point${offer.bonusPoints === 1 ? "" : "s"}`,
    );
  return parts.length ? parts.join(" and ") : null;
}
