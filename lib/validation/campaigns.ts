// Campaigns as the admin form sends them: rates as percentages, amounts in dollars, dates as UTC days.
// Parsed into the domain's integer basis points and cents.
import { z } from "zod";
import { commissionType } from "@/db/schema/enums";
import type { CampaignInput } from "@/lib/commissions/campaigns";
import { isCalendarDate, text, YEAR_MAX, YEAR_MIN } from "./fields";
import { dollarsField, percentField } from "./money";
import { idParam } from "./referral-codes";

export const TIER_ROWS = 4;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === undefined ? null : v), schema.nullable());

const dateField = (label: string, endOfDay: boolean) =>
  optional(
    z
      .string()
      .trim()
      .regex(DATE, { error: `${label} must be a date such as 2025-12-31` })
      .refine(isCalendarDate, { error: `${label} must be a real date between ${YEAR_MIN} and ${YEAR_MAX}` })
      .transform((s) => new Date(endOfDay ? `${s}T23:59:59.999Z` : `${s}T00:00:00.000Z`)),
  );

const wholeNumber = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,7}$/, { error: `${label} must be a whole number` })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, { error: `${label} must be at least 1` }),
    );

const tierFields = Object.fromEntries(
  Array.from({ length: TIER_ROWS }, (_, i) => [
    [`tierMin${i}`, z.string().optional()],
    [`tierRate${i}`, z.string().optional()],
  ]).flat(),
) as Record<string, z.ZodOptional<z.ZodString>>;

/** Create and edit: one schema. Only the fields of the chosen commission type are required. */
export const campaignFormSchema = z
  .object({
    // Checked in the transform below, so a short name is reported together with every other error.
    campaignName: text("Name", { min: 0, max: 10_000, messages: { type: "Name is required" } }),
    description: optional(text("Description", { min: 0, max: 500, multiline: true })),
    commissionType: z.enum(commissionType.enumValues, { error: "Choose a commission type" }),
    rate: z.string().optional(),
    flatAmount: z.string().optional(),
    bonusThreshold: optional(wholeNumber("Bonus threshold")),
    bonusAmount: optional(dollarsField("Bonus amount")),
    startsOn: dateField("Start date", false),
    endsOn: dateField("End date", true),
    ...tierFields,
  })
  .transform((v, ctx): CampaignInput => {
    if (v.campaignName.length < 2 || v.campaignName.length > 80) {
      ctx.addIssue({ code: "custom", path: ["campaignName"], message: "Name must be 2 to 80 characters" });
    }
    let commissionValue = 0;
    if (v.commissionType === "flat_rate") {
      const parsed = dollarsField("Amount per payment").safeParse(v.flatAmount ?? "");
      if (parsed.success) commissionValue = parsed.data;
      else ctx.addIssue({ code: "custom", path: ["flatAmount"], message: parsed.error.issues[0].message });
    } else {
      const parsed = percentField("Rate").safeParse(v.rate ?? "");
      if (parsed.success) commissionValue = parsed.data;
      else ctx.addIssue({ code: "custom", path: ["rate"], message: parsed.error.issues[0].message });
    }
    const tiers: { minReferrals: number; rateBps: number }[] = [];
    if (v.commissionType === "tier_based") {
      for (let i = 0; i < TIER_ROWS; i++) {
        const row = v as Record<string, unknown>;
        const min = String(row[`tierMin${i}`] ?? "").trim();
        const rate = String(row[`tierRate${i}`] ?? "").trim();
        if (!min && !rate) continue;
        const minParsed = wholeNumber("Referrals").safeParse(min);
        const rateParsed = percentField("Tier rate").safeParse(rate);
        if (!minParsed.success) {
          ctx.addIssue({ code: "custom", path: [`tierMin${i}`], message: minParsed.error.issues[0].message });
        } else if (!rateParsed.success) {
          ctx.addIssue({
            code: "custom",
            path: [`tierRate${i}`],
            message: rateParsed.error.issues[0].message,
          });
        } else if (tiers.some((t) => t.minReferrals === minParsed.data)) {
          ctx.addIssue({
            code: "custom",
            path: [`tierMin${i}`],
            message: "Each tier needs its own referral count",
          });
        } else {
          tiers.push({ minReferrals: minParsed.data, rateBps: rateParsed.data });
        }
      }
      if (!tiers.length) {
        ctx.addIssue({ code: "custom", path: ["tierMin0"], message: "Add at least one tier" });
      }
    }
    if ((v.bonusThreshold === null) !== (v.bonusAmount === null)) {
      ctx.addIssue({
        code: "custom",
        path: [v.bonusThreshold === null ? "bonusThreshold" : "bonusAmount"],
        message: "A bonus needs both a threshold and an amount",
      });
    }
    if (v.startsOn && v.endsOn && v.endsOn.getTime() <= v.startsOn.getTime()) {
      ctx.addIssue({
        code: "custom",
        path: ["endsOn"],
        message: "The end date must be after the start date",
      });
    }
    return {
      campaignName: v.campaignName,
      description: v.description,
      commissionType: v.commissionType,
      commissionValue,
      tiers: tiers.length ? tiers.sort((a, b) => a.minReferrals - b.minReferrals) : null,
      bonusThreshold: v.bonusThreshold,
      bonusAmountCents: v.bonusAmount,
      startsAt: v.startsOn,
      endsAt: v.endsOn,
    };
  });

export const campaignIdSchema = z.object({ campaignId: idParam("Campaign id") });

/** Codes typed by the admin, separated by commas, spaces or new lines. */
export const linkCodesSchema = z.object({
  campaignId: idParam("Campaign id"),
  codes: z
    .string({ error: "Enter at least one code" })
    .transform((s) => [...new Set(s.split(/[\s,;]+/).filter(Boolean))])
    .pipe(
      z
        .array(text("Code", { max: 40, messages: { tooLong: "Codes are at most 12 characters" } }))
        .min(1, { error: "Enter at least one code" })
        .max(100, { error: "Link at most 100 codes at once" }),
    ),
});

export const unlinkCodeSchema = z.object({ campaignId: idParam("Campaign id"), codeId: idParam("Code id") });

/** Edit: the campaign's id beside the same fields as create. */
export const updateCampaignSchema = z
  .looseObject({ campaignId: idParam("Campaign id") })
  .transform((v, ctx) => {
    const parsed = campaignFormSchema.safeParse(v);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      }
      return z.NEVER;
    }
    return { campaignId: v.campaignId, input: parsed.data };
  });
