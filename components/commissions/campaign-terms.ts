import { bpsLabel } from "@/lib/commissions/calculate-commission";
import { formatDate, formatMoney } from "@/lib/format";
import type { Campaign } from "@/lib/commissions/campaigns";

/** "20% of each payment", "$5.00 per payment", "10%, 15% from 25 referrals, 20% from 50". */
export function campaignTerms(c: Pick<Campaign, "commissionType" | "commissionValue" | "tiers">): string {
  if (c.commissionType === "flat_rate") return `${formatMoney(c.commissionValue)} per payment`;
  if (c.commissionType === "percentage") return `${bpsLabel(c.commissionValue)} of each payment`;
  const tiers = [...(c.tiers ?? [])].sort((a, b) => a.minReferrals - b.minReferrals);
  return [
    `${bpsLabel(c.commissionValue)}`,
    ...tiers.map((t) => `${bpsLabel(t.rateBps)} from ${t.minReferrals} referrals`),
  ].join(", ");
}

export function campaignBonus(c: Pick<Campaign, "bonusThreshold" | "bonusAmountCents">): string | null {
  if (c.bonusThreshold === null || c.bonusAmountCents === null) return null;
  return `${formatMoney(c.bonusAmountCents)} bonus at ${c.bonusThreshold} referrals`;
}

export function campaignWindow(c: Pick<Campaign, "startsAt" | "endsAt">): string {
  if (!c.startsAt && !c.endsAt) return "Always on";
  if (!c.endsAt) return `From ${formatDate(c.startsAt)}`;
  if (!c.startsAt) return `Until ${formatDate(c.endsAt)}`;
  return `${formatDate(c.startsAt)} – ${formatDate(c.endsAt)}`;
}
