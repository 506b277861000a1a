// The points program's rules, pure: the config of each rule kind (validated by its zod schema wherever it
// is read or written), when a rule is in force, what a referral earns on the tiered schedule, offer
// windows, milestones, and the oldest-first order in which points are spent and expire.
import { z } from "zod";
import { badge as badgeEnum, type rewardRuleKind } from "@/db/schema/enums";
import { text } from "@/lib/validation/fields";
import { isWindowOpen } from "@/lib/time-window";

export type RewardRuleKind = (typeof rewardRuleKind.enumValues)[number];
export type Badge = (typeof badgeEnum.enumValues)[number];

const DAY_MS = 86_400_000;
export const POINTS_MAX = 1_000_000;
/** The catalog's floor (also a CHECK on reward_catalog): nothing costs less than 100 points. */
export const MIN_REDEEM_POINTS = 100;

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a whole number` })
    .int({ error: `${label} must be a whole number` })
    .min(min, { error: `${label} must be at least ${min}` })
    .max(max, { error: `${label} must be at most ${max.toLocaleString("en-US")}` });

export const doubleSidedConfigSchema = z.object({
  referrerPoints: wholeNumber("Referrer points", 0, POINTS_MAX),
  newClientPoints: wholeNumber("New client points", 0, POINTS_MAX),
});

export const tierSchema = z.object({
  fromReferral: wholeNumber("A tier's first referral", 1, 100_000),
  pointsEach: wholeNumber("Points per referral", 0, POINTS_MAX),
});

export const tierScheduleConfigSchema = z.object({
  tiers: z
    .array(tierSchema)
    .min(1, { error: "Add at least one tier" })
    .max(10, { error: "Use at most 10 tiers" })
    .refine((tiers) => tiers[0]?.fromReferral === 1, { error: "The first tier must start at referral 1" })
    .refine((tiers) => tiers.every((t, i) => i === 0 || t.fromReferral > tiers[i - 1].fromReferral), {
      error: "Each tier must start after the one before it",
    }),
});

export const offerConfigSchema = z.object({
  referrals: wholeNumber("Referrals needed", 1, 1000),
  withinDays: wholeNumber("Days", 1, 365),
  bonusPoints: wholeNumber("Bonus points", 1, POINTS_MAX),
});

export const milestoneConfigSchema = z.object({
  referrals: wholeNumber("Referrals needed", 1, 100_000),
  badge: z.enum(badgeEnum.enumValues, { error: "Badge must be bronze, silver or gold" }),
  bonusPoints: wholeNumber("Bonus points", 0, POINTS_MAX),
  unlock: text("Unlock", { min: 0, max: 100, messages: { tooLong: "Keep the unlock under 100 characters" } })
    .nullish()
    .transform((s) => s || null),
});

export const expiryConfigSchema = z.object({ days: wholeNumber("Expiry days", 1, 3650) });

export const qualifyingActivityConfigSchema = z.object({ event: z.literal("first_payment") });

/** One schema per rule kind: `reward_rules.config` is read and written only through these. */
export const ruleConfigSchemas = {
  double_sided: doubleSidedConfigSchema,
  tier_schedule: tierScheduleConfigSchema,
  offer: offerConfigSchema,
  milestone: milestoneConfigSchema,
  expiry: expiryConfigSchema,
  qualifying_activity: qualifyingActivityConfigSchema,
} as const satisfies Record<RewardRuleKind, z.ZodType>;

export type RuleConfig<K extends RewardRuleKind> = z.output<(typeof ruleConfigSchemas)[K]>;
export type DoubleSidedConfig = RuleConfig<"double_sided">;
export type Tier = z.output<typeof tierSchema>;
export type OfferConfig = RuleConfig<"offer">;
export type MilestoneConfig = RuleConfig<"milestone">;

export type RuleWindow = { isActive: boolean; startsAt: Date | null; endsAt: Date | null };

/** Active, started (or no start) and not yet ended (the end is exclusive). */
export function ruleInForce(rule: RuleWindow, now: Date): boolean {
  return rule.isActive && isWindowOpen(rule, now);
}

// ---- Tiered schedule -------------------------------------------------------------------------------

/** The tier the `ordinal`-th referral (1-based) falls in, with its last referral (null: open-ended). */
export function tierFor(tiers: Tier[], ordinal: number): { tier: Tier; toReferral: number | null } {
  let index = 0;
  for (let i = 0; i < tiers.length; i++) if (tiers[i].fromReferral <= ordinal) index = i;
  const next = tiers[index + 1];
  return { tier: tiers[index], toReferral: next ? next.fromReferral - 1 : null };
}

/** `1–3`, `4–10`, `11+`. */
export function tierRangeLabel(tier: Tier, toReferral: number | null): string {
  if (toReferral === null) return `${tier.fromReferral}+`;
  return tier.fromReferral === toReferral ? `${tier.fromReferral}` : `${tier.fromReferral}–${toReferral}`;
}

export type ReferrerPoints = {
  /** The double-sided rule's referrer share (reason `referral_referrer`). */
  basePoints: number;
  /** What the tier schedule pays on top of the base (reason `tier_schedule`). */
  tierBonusPoints: number;
  /** `4–10: 100 each` when the schedule applies. */
  tierLabel: string | null;
};

/**
 * What the referrer earns for their `ordinal`-th qualified referral. The tier schedule sets the total per
 * referral (1–3: 50, 4–10: 100, 11+: 150); the double-sided referrer share (+50) is its first part and the
 * rest is a tier bonus, so each shows up in the history with its own reason. Without a schedule the
 * referrer gets the double-sided share only; without the double-sided rule the whole tier amount is bonus.
 */
export function referrerPointsFor(
  ordinal: number,
  rules: { referrerPoints: number | null; tiers: Tier[] | null },
): ReferrerPoints {
  const basePoints = rules.referrerPoints ?? 0;
  if (!rules.tiers?.length) return { basePoints, tierBonusPoints: 0, tierLabel: null };
  const { tier, toReferral } = tierFor(rules.tiers, ordinal);
  return {
    basePoints,
    tierBonusPoints: Math.max(0, tier.pointsEach - basePoints),
    tierLabel: `${tierRangeLabel(tier, toReferral)}: ${tier.pointsEach} each`,
  };
}

// ---- Time-limited offers ---------------------------------------------------------------------------

export type Offer = OfferConfig & { startsAt: Date | null; endsAt: Date | null };

/** Referrals count toward an offer from the later of its start and `withinDays` ago. */
export function offerCountingSince(offer: Offer, now: Date): Date {
  const rolling = new Date(now.getTime() - offer.withinDays * DAY_MS);
  return offer.startsAt && offer.startsAt > rolling ? offer.startsAt : rolling;
}

/**
 * "Refer 3 in 7 days": how many of the referrer's qualified referrals fall in the offer's rolling window
 * ending now (and inside the offer's own start), and whether that earns the bonus.
 */
export function offerProgress(
  offer: Offer,
  referralTimes: Date[],
  now: Date,
): { counted: number; needed: number; earned: boolean } {
  const since = offerCountingSince(offer, now).getTime();
  const counted = referralTimes.filter((t) => t.getTime() >= since).length;
  return { counted, needed: offer.referrals, earned: counted >= offer.referrals };
}

// ---- Milestones ------------------------------------------------------------------------------------

export type Milestone = MilestoneConfig;

const byThreshold = <M extends Milestone>(milestones: M[]) =>
  [...milestones].sort((a, b) => a.referrals - b.referrals);

/** Every milestone a referrer with `qualifiedReferrals` has reached, lowest first. */
export function milestonesReached<M extends Milestone>(milestones: M[], qualifiedReferrals: number): M[] {
  return byThreshold(milestones).filter((m) => m.referrals <= qualifiedReferrals);
}

/** The highest milestone reached, the next one and how many referrals are still missing. */
export function milestoneProgress<M extends Milestone>(
  milestones: M[],
  qualifiedReferrals: number,
): { current: M | null; next: M | null; remaining: number | null } {
  const sorted = byThreshold(milestones);
  const reached = sorted.filter((m) => m.referrals <= qualifiedReferrals);
  const next = sorted.find((m) => m.referrals > qualifiedReferrals) ?? null;
  return {
    current: reached.at(-1) ?? null,
    next,
    remaining: next ? next.referrals - qualifiedReferrals : null,
  };
}

export const badgeNames: Record<Badge, string> = { bronze: "Bronze", silver: "Silver", gold: "Gold" };

// ---- Oldest points first ---------------------------------------------------------------------------

/** An available credit with points left to spend. */
export type PointsLot = { id: number; remainingPoints: number; expiresAt: Date | null; createdAt: Date };

/** Soonest expiry first (never-expiring last), then oldest, then by id: the order points leave in. */
export function compareLots(a: PointsLot, b: PointsLot): number {
  const ae = a.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const be = b.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (ae !== be) return ae < be ? -1 : 1;
  const ac = a.createdAt.getTime();
  const bc = b.createdAt.getTime();
  if (ac !== bc) return ac < bc ? -1 : 1;
  return a.id - b.id;
}

/**
 * Which lots a spend of `points` consumes, oldest first, and how much of each. Throws when the lots hold
 * less than that: the ledger and the cached balance disagree, and nothing may be written.
 */
export function allocateOldestFirst(lots: PointsLot[], points: number): { id: number; takePoints: number }[] {
  const taken: { id: number; takePoints: number }[] = [];
  let left = points;
  for (const lot of [...lots].sort(compareLots)) {
    if (left === 0) break;
    if (lot.remainingPoints <= 0) continue;
    const takePoints = Math.min(lot.remainingPoints, left);
    taken.push({ id: lot.id, takePoints });
    left -= takePoints;
  }
  if (left > 0) throw new Error(`Points ledger holds ${points - left} spendable points, ${points} needed`);
  return taken;
}

/** Lots whose expiry has come, with what is left of them: those points expire now. */
export function expiredLots(lots: PointsLot[], now: Date): PointsLot[] {
  return lots
    .filter((lot) => lot.remainingPoints > 0 && lot.expiresAt !== null && lot.expiresAt <= now)
    .sort(compareLots);
}

/** When points that become available at `from` expire (null: the expiry rule is off). */
export function expiryDateFor(expiryDays: number | null, from: Date): Date | null {
  return expiryDays === null ? null : new Date(from.getTime() + expiryDays * DAY_MS);
}
