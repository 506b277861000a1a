"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { axisTick, chartColors } from "./chart-theme";

export type TimeSeriesPoint = { label: string; signups: number; commissionDollars: number };

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const usdCents = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** Signups (bars, left axis) and commissions earned (line, right axis) per period. */
export function TimeSeriesChart({ data }: { data: TimeSeriesPoint[] }) {
  return (
    <ComposedChart
      responsive
      data={data}
      style={{ width: "100%", height: 260 }}
      margin={{ top: 8, right: 8, left: -8, bottom: 0 }}
    >
      <CartesianGrid stroke={chartColors.grid} vertical={false} />
      <XAxis
        dataKey="label"
        tick={axisTick}
        tickLine={false}
        axisLine={{ stroke: chartColors.grid }}
        minTickGap={16}
      />
      <YAxis
        yAxisId="signups"
        allowDecimals={false}
        tick={axisTick}
        tickLine={false}
        axisLine={false}
        width={40}
      />
      <YAxis
        yAxisId="money"
        orientation="right"
        tick={axisTick}
        tickLine={false}
        axisLine={false}
        width={56}
        tickFormatter={(v: number) => usd.format(v)}
      />
      <Tooltip
        formatter={(value, name) =>
          name === "Commissions" ? usdCents.format(Number(value)) : Number(value).toLocaleString("en-US")
        }
      />
      <Legend iconType="circle" wrapperStyle={{ fontSize: 12 }} />
      <Bar
        yAxisId="signups"
        dataKey="signups"
        name="Signups"
        fill={chartColors.brandSoft}
        radius={[3, 3, 0, 0]}
      />
      <Line
        yAxisId="money"
        dataKey="commissionDollars"
        name="Commissions"
        stroke={chartColors.accent}
        strokeWidth={2}
        dot={false}
        type="monotone"
      />
    </ComposedChart>
  );
}
