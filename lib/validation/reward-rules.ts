// The /admin/rewards rule forms: flat string fields (so each error sits under its input), one variant per
// rule kind, turned into the kind's config and checked by the same schemas that guard reward_rules.config.
import { z } from "zod";
import {
  doubleSidedConfigSchema,
  expiryConfigSchema,
  milestoneConfigSchema,
  offerConfigSchema,
  tierSchema,
  tierScheduleConfigSchema,
} from "@/lib/rewards/rules";
import { isCalendarDate, text, YEAR_MAX, YEAR_MIN } from "./fields";
import { idParam } from "./referral-codes";

/** "12" → 12; "" → undefined (so the number schema says the field is required). */
const toNumber = (value: unknown) => {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
};
const formNumber = <T extends z.ZodType>(schema: T) => z.preprocess(toNumber, schema);

/** A checkbox: present ("on") means true, absent means false. */
export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

const ruleId = z.preprocess((v) => (v === "" ? undefined : v), idParam("Rule id"));

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
/** A date input (UTC): the start of that day. */
const dateField = (label: string) =>
  z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z
      .string()
      .regex(DATE, { error: `${label} must be a date such as 2026-07-01` })
      .refine(isCalendarDate, { error: `${label} must be a real date between ${YEAR_MIN} and ${YEAR_MAX}` })
      .transform((s) => new Date(`${s}T00:00:00.000Z`))
      .optional(),
  );

const doubleSidedForm = z
  .object({
    kind: z.literal("double_sided"),
    ruleId,
    isActive: checkbox,
    referrerPoints: formNumber(doubleSidedConfigSchema.shape.referrerPoints),
    newClientPoints: formNumber(doubleSidedConfigSchema.shape.newClientPoints),
  })
  .transform(({ referrerPoints, newClientPoints, ...rest }) => ({
    ...rest,
    config: { referrerPoints, newClientPoints },
  }));

const tierForm = z
  .object({
    kind: z.literal("tier_schedule"),
    ruleId,
    isActive: checkbox,
    ...Object.fromEntries(
      [1, 2, 3, 4].flatMap((i) => [
        [`from${i}`, z.string().optional()],
        [`points${i}`, z.string().optional()],
      ]),
    ),
  })
  .transform((form, ctx) => {
    const values = form as unknown as Record<string, string | undefined>;
    const tiers = [];
    for (const i of [1, 2, 3, 4]) {
      const from = values[`from${i}`]?.trim() ?? "";
      const points = values[`points${i}`]?.trim() ?? "";
      if (from === "" && points === "") continue;
      const tier = tierSchema.safeParse({ fromReferral: toNumber(from), pointsEach: toNumber(points) });
      if (!tier.success) {
        ctx.addIssue({
          code: "custom",
          path: ["tiers"],
          message: `Tier ${i}: ${tier.error.issues[0].message}`,
        });
        return z.NEVER;
      }
      tiers.push(tier.data);
    }
    const schedule = tierScheduleConfigSchema.safeParse({ tiers });
    if (!schedule.success) {
      ctx.addIssue({ code: "custom", path: ["tiers"], message: schedule.error.issues[0].message });
      return z.NEVER;
    }
    return { kind: form.kind, ruleId: form.ruleId, isActive: form.isActive, config: schedule.data };
  });

const offerForm = z
  .object({
    kind: z.literal("offer"),
    ruleId: ruleId.optional(),
    isActive: checkbox,
    name: text("Name", {
      min: 3,
      max: 80,
      messages: {
        type: "Give the offer a name",
        required: "Give the offer a name",
        tooLong: "Keep the name under 80 characters",
      },
    }),
    referrals: formNumber(offerConfigSchema.shape.referrals),
    withinDays: formNumber(offerConfigSchema.shape.withinDays),
    bonusPoints: formNumber(offerConfigSchema.shape.bonusPoints),
    startsOn: dateField("Start"),
    endsOn: dateField("End"),
  })
  .superRefine((v, ctx) => {
    if (v.isActive && !v.startsOn)
      ctx.addIssue({ code: "custom", path: ["startsOn"], message: "An active offer needs a start date" });
    if (v.isActive && !v.endsOn)
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "An active offer needs an end date" });
    if (v.startsOn && v.endsOn && v.endsOn < v.startsOn)
      ctx.addIssue({
        code: "custom",
        path: ["endsOn"],
        message: "The offer must end on or after its start date",
      });
  })
  .transform(({ referrals, withinDays, bonusPoints, startsOn, endsOn, ...rest }) => ({
    ...rest,
    config: { referrals, withinDays, bonusPoints },
    startsAt: startsOn ?? null,
    // The end date is included: the offer runs until the end of that day (UTC).
    endsAt: endsOn ? new Date(endsOn.getTime() + DAY_MS) : null,
  }));

const milestoneForm = z
  .object({
    kind: z.literal("milestone"),
    ruleId,
    isActive: checkbox,
    badge: milestoneConfigSchema.shape.badge,
    referrals: formNumber(milestoneConfigSchema.shape.referrals),
    bonusPoints: formNumber(milestoneConfigSchema.shape.bonusPoints),
    unlock: text("Unlock", {
      min: 0,
      max: 100,
      messages: { tooLong: "Keep the unlock under 100 characters" },
    }).optional(),
  })
  .transform(({ badge, referrals, bonusPoints, unlock, ...rest }, ctx) => {
    const config = milestoneConfigSchema.safeParse({ badge, referrals, bonusPoints, unlock: unlock ?? null });
    if (!config.success) {
      ctx.addIssue({ code: "custom", path: ["unlock"], message: config.error.issues[0].message });
      return z.NEVER;
    }
    return { ...rest, config: config.data };
  });

const expiryForm = z
  .object({
    kind: z.literal("expiry"),
    ruleId,
    isActive: checkbox,
    days: formNumber(expiryConfigSchema.shape.days),
  })
  .transform(({ days, ...rest }) => ({ ...rest, config: { days } }));

const qualifyingForm = z
  .object({ kind: z.literal("qualifying_activity"), ruleId, isActive: checkbox })
  .transform((v) => ({ ...v, config: { event: "first_payment" as const } }));

/** One reward rule as the admin form submits it; `ruleId` absent only for a new offer. */
export const rewardRuleFormSchema = z.discriminatedUnion(
  "kind",
  [doubleSidedForm, tierForm, offerForm, milestoneForm, expiryForm, qualifyingForm],
  { error: "Unknown kind of reward rule" },
);
export type RewardRuleForm = z.output<typeof rewardRuleFormSchema>;
