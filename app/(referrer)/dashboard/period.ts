import { lastMonths, monthOf } from "@/lib/queries/referral-analytics";
import { monthSchema, parseDays } from "@/lib/validation/analytics";

type Param = string | string[] | undefined;

/** The overview chart's window the URL asks for: 7, 30 or 90 UTC days (30 otherwise). */
export function chartDays(searchParams: { days?: Param }) {
  return parseDays(searchParams.days);
}

/** The Earnings page's report month the URL asks for: one of the last 12 (UTC), else the current one. */
export function reportMonth(searchParams: { month?: Param }, now: Date) {
  const months = lastMonths(now, 12);
  const asked = monthSchema.safeParse(
    Array.isArray(searchParams.month) ? searchParams.month[0] : searchParams.month,
  );
  const month = asked.success && months.includes(asked.data) ? asked.data : monthOf(now);
  return { month, months };
}
