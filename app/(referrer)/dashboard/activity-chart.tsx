"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { axisTick, chartColors } from "@/components/charts/chart-theme";

export type ActivityPoint = { label: string; clicks: number; signups: number };

/** Link clicks (line) and signups (bars) per day. */
export function ActivityChart({ data }: { data: ActivityPoint[] }) {
  return (
    <ComposedChart
      responsive
      data={data}
      style={{ width: "100%", height: 240 }}
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
      <YAxis allowDecimals={false} tick={axisTick} tickLine={false} axisLine={false} width={40} />
      <Tooltip formatter={(value) => Number(value).toLocaleString("en-US")} />
      <Legend iconType="circle" wrapperStyle={{ fontSize: 12 }} />
      <Bar dataKey="signups" name="Signups" fill={chartColors.brandSoft} radius={[3, 3, 0, 0]} />
      <Line
        dataKey="clicks"
        name="Clicks"
        stroke={chartColors.accent}
        strokeWidth={2}
        dot={false}
        type="monotone"
        isAnimationActive={false}
      />
    </ComposedChart>
  );
}
