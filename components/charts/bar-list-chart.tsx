"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { axisTick, chartColors } from "./chart-theme";

export type BarListItem = { label: string; value: number; note?: string };

/** Horizontal bars with their values written at the end: funnels, sources, rankings. */
export function BarListChart({
  data,
  valueLabel,
  color = chartColors.brand,
  labelWidth = 96,
}: {
  data: BarListItem[];
  valueLabel: string;
  color?: string;
  labelWidth?: number;
}) {
  const height = Math.max(120, data.length * 36 + 16);
  return (
    <BarChart
      responsive
      layout="vertical"
      data={data}
      style={{ width: "100%", height }}
      margin={{ top: 0, right: 56, left: 0, bottom: 0 }}
    >
      <CartesianGrid stroke={chartColors.grid} horizontal={false} />
      <XAxis type="number" hide allowDecimals={false} />
      <YAxis
        type="category"
        dataKey="label"
        tick={axisTick}
        tickLine={false}
        axisLine={false}
        width={labelWidth}
        interval={0}
      />
      <Tooltip
        formatter={(value) => [Number(value).toLocaleString("en-US"), valueLabel]}
        cursor={{ fill: "#f3f4f6" }}
      />
      {/* No grow-in animation: the value labels are drawn only after it, and the numbers are the point. */}
      <Bar
        dataKey="value"
        name={valueLabel}
        fill={color}
        radius={[0, 4, 4, 0]}
        barSize={20}
        isAnimationActive={false}
      >
        <LabelList
          dataKey="value"
          position="right"
          formatter={(v) => Number(v).toLocaleString("en-US")}
          style={{ fill: "#374151", fontSize: 12 }}
        />
      </Bar>
    </BarChart>
  );
}
