import { z } from "zod";
import { isCalendarDate, YEAR_MAX, YEAR_MIN } from "./fields";

/** `"YYYY-MM"` with a real month (01–12). */
export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Month must be YYYY-MM")
  .refine((m) => isCalendarDate(`${m}-01`), { error: `Month must be between ${YEAR_MIN} and ${YEAR_MAX}` });

/** `?period=monthly&month=YYYY-MM` of GET /api/clients/:id/referral-analytics; no period = the overview. */
export const referralAnalyticsQuerySchema = z.object({
  period: z.enum(["monthly"]).optional(),
  month: monthSchema.optional(),
});

/** The dashboard's chart window: 7, 30 or 90 days (30 when missing or anything else). */
export function parseDays(value: string | string[] | undefined): 7 | 30 | 90 {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return n === 7 || n === 90 ? n : 30;
}
