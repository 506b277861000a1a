// The series the time charts draw (plain data, so server components can pass them to BarLineChart).
import type { BarLineChartProps } from "./bar-line-chart";

export const SIGNUPS_BARS: BarLineChartProps["bar"] = { key: "signups", name: "Signups" };
export const CLICKS_LINE: BarLineChartProps["line"] = { key: "clicks", name: "Clicks" };
/**
 * Dollars (cents ÷ 100) on their own right-hand axis, since they don't share the counts' scale. The base
 * currency's only (a line can't add euros to dollars), and the legend says so.
 */
export const COMMISSION_LINE: BarLineChartProps["line"] = {
  key: "commissionDollars",
  name: "Commissions (USD)",
  format: "usd",
  axis: "right",
};
