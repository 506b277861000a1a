// The commission rules of SPEC "Commissions", as one pure function over integer cents. Rates are basis
// points (1000 = 10%) and multipliers are ten-thousandths (12500 = ×1.25), so every product is an exact
// integer; the one division happens last and truncates toward zero (BigInt division does exactly that).
// Nothing here reads a clock or a database: callers pass the payment's time and the referrer's numbers.
import type { CampaignTier, commissionLevel, referralCampaigns } from "@/db/schema";
import { isWindowOpen } from "@/lib/time-window";

export const BASE_RATE_BPS = 1000;
const ONE = 10_000n; // 100% in basis points, and ×1 as a multiplier

/**
 * SPEC: ≥25 qualified referrals → ×1.1, ≥50 → ×1.25, ≥100 → ×1.5 (highest first); the names are what
 * the tier.reached event and its e-mail call them. The SQL function commission_tier (migration 0035,
 * the tier.reached event's trigger) spells the same table; badge-and-tier-events.test.ts holds them equal.
 */
export const TIER_MULTIPLIERS: readonly { minReferrals: number; multiplier: number; name: string }[] = [
  { minReferrals: 100, multiplier: 15_000, name: "Champion" },
  { minReferrals: 50, multiplier: 12_500, name: "Ambassador" },
  { minReferrals: 25, multiplier: 11_000, name: "Advocate" },
];

export type CommissionLevel = (typeof commissionLevel.enumValues)[number];

export type CampaignTerms = Pick<
  typeof referralCampaigns.$inferSelect,
  | "id"
  | "campaignName"
  | "commissionType"
  | "commissionValue"
  | "tiers"
  | "bonusThreshold"
  | "bonusAmountCents"
  | "startsAt"
  | "endsAt"
  | "isActive"
>;

export type CommissionInput = {
  paymentCents: number;
  /** When the client paid: a campaign applies if this instant is inside its window. */
  occurredAt: Date;
  /** The referrer's qualified referrals, counting the one that paid now. */
  qualifiedReferrals: number;
  /** The campaign linked to the code the referral used, if any (running or not). */
  campaign: CampaignTerms | null;
  /** The referrer already has this campaign's one-time bonus. */
  campaignBonusPaid: boolean;
  /** The referrer's white-label partner's override in basis points; null without a partner. */
  partnerOverrideBps: number | null;
  retention: null | {
    monthsContinuous: number;
    requiredMonths: number; // 0 = retention bonus off
    bonusCents: number;
    alreadyPaid: boolean;
  };
};

export type CommissionLine = {
  level: CommissionLevel;
  amountCents: number;
  /** The rate applied after multipliers, for the statement (null for flat amounts). */
  rateBps: number | null;
  campaignId: number | null;
  note: string;
};

function assertCents(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole, non-negative number (got ${value})`);
  }
}

/** cents × rate × multiplier, truncated toward zero once. */
export function applyRate(cents: number, rateBps: number, multiplier = 10_000): number {
  assertCents("cents", cents);
  assertCents("rateBps", rateBps);
  assertCents("multiplier", multiplier);
  return Number((BigInt(cents) * BigInt(rateBps) * BigInt(multiplier)) / (ONE * ONE));
}

/** part × numerator ÷ denominator, truncated toward zero: a proportional share without floats. */
export function proportion(part: number, numerator: number, denominator: number): number {
  assertCents("part", part);
  assertCents("numerator", numerator);
  if (!Number.isSafeInteger(denominator) || denominator <= 0) throw new RangeError("denominator must be > 0");
  return Number((BigInt(part) * BigInt(numerator)) / BigInt(denominator));
}

export function tierMultiplier(qualifiedReferrals: number): number {
  return TIER_MULTIPLIERS.find((t) => qualifiedReferrals >= t.minReferrals)?.multiplier ?? 10_000;
}

/** Running at `at`: switched on, and inside its window — `startsAt ≤ at < endsAt` (lib/time-window.ts). */
export function isCampaignRunning(
  campaign: Pick<CampaignTerms, "isActive" | "startsAt" | "endsAt">,
  at: Date,
): boolean {
  return campaign.isActive && isWindowOpen(campaign, at);
}

/** A tier_based campaign's rate: the highest tier the referrer reached, else the campaign's own value. */
export function campaignTierRate(
  campaign: Pick<CampaignTerms, "tiers" | "commissionValue">,
  qualifiedReferrals: number,
): number {
  const reached = (campaign.tiers ?? [])
    .filter((t: CampaignTier) => qualifiedReferrals >= t.minReferrals)
    .sort((a, b) => b.minReferrals - a.minReferrals)[0];
  return reached ? reached.rateBps : campaign.commissionValue;
}

/** "12.5%" from 1250 basis points, without floating point. */
export function bpsLabel(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const fraction = String(bps % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return `${whole}${fraction ? `.${fraction}` : ""}%`;
}

/** "×1.25" from 12500. */
export function multiplierLabel(multiplier: number): string {
  const whole = Math.trunc(multiplier / 10_000);
  const fraction = String(multiplier % 10_000)
    .padStart(4, "0")
    .replace(/0+$/, "");
  return `×${whole}${fraction ? `.${fraction}` : ""}`;
}

/** Whole calendar months (UTC) from `since` to `at`: Jan 15 → Feb 14 is 0, → Feb 15 is 1. */
export function wholeMonthsBetween(since: Date, at: Date): number {
  if (at.getTime() < since.getTime()) return 0;
  let months = (at.getUTCFullYear() - since.getUTCFullYear()) * 12 + (at.getUTCMonth() - since.getUTCMonth());
  const sinceInMonth = since.getTime() - Date.UTC(since.getUTCFullYear(), since.getUTCMonth());
  const atInMonth = at.getTime() - Date.UTC(at.getUTCFullYear(), at.getUTCMonth());
  if (atInMonth < sinceInMonth) months -= 1;
  return Math.max(0, months);
}

/**
 * Every commission one payment earns: the direct commission (base 10% × tier multiplier, or the running
 * campaign's terms), the campaign's one-time bonus when the referrer reaches its threshold, the
 * white-label partner's override, and the retention bonus. Lines that come to 0¢ are left out.
 *
 * Campaign terms: `percentage` replaces the base rate and keeps the tier multiplier; `flat_rate` pays
 * its amount as is; `tier_based` uses its own tiers instead of the multiplier. The partner's override is
 * a share of the payment, independent of the referrer's rate.
 */
export function calculateCommission(input: CommissionInput): CommissionLine[] {
  assertCents("paymentCents", input.paymentCents);
  assertCents("qualifiedReferrals", input.qualifiedReferrals);
  const lines: CommissionLine[] = [];
  const campaign =
    input.campaign && isCampaignRunning(input.campaign, input.occurredAt) ? input.campaign : null;
  const multiplier = tierMultiplier(input.qualifiedReferrals);
  const tierNote =
    multiplier === 10_000
      ? ""
      : ` ${multiplierLabel(multiplier)} (${input.qualifiedReferrals} qualified referrals)`;

  if (!campaign) {
    lines.push({
      level: "direct",
      amountCents: applyRate(input.paymentCents, BASE_RATE_BPS, multiplier),
      rateBps: applyRate(BASE_RATE_BPS, 10_000, multiplier),
      campaignId: null,
      note: `Base ${bpsLabel(BASE_RATE_BPS)}${tierNote}`,
    });
  } else if (campaign.commissionType === "percentage") {
    lines.push({
      level: "direct",
      amountCents: applyRate(input.paymentCents, campaign.commissionValue, multiplier),
      rateBps: applyRate(campaign.commissionValue, 10_000, multiplier),
      campaignId: campaign.id,
      note: `${campaign.campaignName}: ${bpsLabel(campaign.commissionValue)}${tierNote}`,
    });
  } else if (campaign.commissionType === "flat_rate") {
    assertCents("commissionValue", campaign.commissionValue);
    lines.push({
      level: "direct",
      amountCents: campaign.commissionValue,
      rateBps: null,
      campaignId: campaign.id,
      note: `${campaign.campaignName}: flat amount per payment`,
    });
  } else {
    const rate = campaignTierRate(campaign, input.qualifiedReferrals);
    lines.push({
      level: "direct",
      amountCents: applyRate(input.paymentCents, rate),
      rateBps: rate,
      campaignId: campaign.id,
      note: `${campaign.campaignName}: ${bpsLabel(rate)} at ${input.qualifiedReferrals} qualified referrals`,
    });
  }

  if (
    campaign &&
    !input.campaignBonusPaid &&
    campaign.bonusThreshold !== null &&
    campaign.bonusAmountCents !== null &&
    input.qualifiedReferrals >= campaign.bonusThreshold
  ) {
    lines.push({
      level: "bonus",
      amountCents: campaign.bonusAmountCents,
      rateBps: null,
      campaignId: campaign.id,
      note: `${campaign.campaignName}: bonus for reaching ${campaign.bonusThreshold} qualified referrals`,
    });
  }

  if (input.partnerOverrideBps !== null && input.partnerOverrideBps > 0) {
    lines.push({
      level: "partner",
      amountCents: applyRate(input.paymentCents, input.partnerOverrideBps),
      rateBps: input.partnerOverrideBps,
      campaignId: null,
      note: `Partner override ${bpsLabel(input.partnerOverrideBps)}`,
    });
  }

  const retention = input.retention;
  if (
    retention &&
    retention.requiredMonths > 0 &&
    !retention.alreadyPaid &&
    retention.monthsContinuous >= retention.requiredMonths
  ) {
    lines.push({
      level: "retention",
      amountCents: retention.bonusCents,
      rateBps: null,
      campaignId: null,
      note: `Retention bonus: ${retention.requiredMonths} months of continuous subscription`,
    });
  }

  return lines.filter((line) => line.amountCents > 0);
}
