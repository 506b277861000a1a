// The program's commission settings as the admin form sends them (days, dollars, months).
import { z } from "zod";
import type { CommissionSettingsInput } from "@/lib/commissions/update-settings";
import { dollarsField } from "./money";

const wholeNumber = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .regex(/^\d{1,4}$/, { error: `${label} must be a whole number` })
    .transform(Number)
    .pipe(z.number().max(max, { error: `${label} must be at most ${max}` }));

export const commissionSettingsSchema = z
  .object({
    holdDays: wholeNumber("Hold period", 365),
    minimumPayout: dollarsField("Minimum payout"),
    retentionMonths: wholeNumber("Retention months", 120),
    retentionBonus: dollarsField("Retention bonus"),
  })
  .transform((v): CommissionSettingsInput => ({
    commissionHoldDays: v.holdDays,
    minimumPayoutCents: v.minimumPayout,
    retentionBonusMonths: v.retentionMonths,
    retentionBonusCents: v.retentionBonus,
  }));
