"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { axisTick, chartColors } from "./chart-theme";

/** How a series' numbers read: whole counts, or US dollars (whole on the axis, cents in the tooltip). */
export type SeriesFormat = "count" | "usd";

export type BarLineSeries = { key: string; name: string; format?: SeriesFormat };

export type BarLineChartProps = {
  /** One point per period: its `label` on the x axis and a number under each series' key. */
  data: ({ label: string } & Record<string, string | number>)[];
  /** Drawn as bars on the left axis. */
  bar: BarLineSeries;
  /** Drawn as a line: on the bars' axis, or on its own right-hand axis when its scale differs (money). */
  line: BarLineSeries & { axis?: "shared" | "right" };
  height?: number;
};

const usdAxis = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 0,
});
const usdExact = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const formatValue = (value: unknown, format: SeriesFormat = "count") =>
  format === "usd" ? usdExact.format(Number(value)) : Number(value).toLocaleString("en-US");

/**
 * Bars and a line per period, the shape of every time chart here: signups with clicks per day on the
 * dashboard, signups with commission per month on both the dashboard and the admin reports.
 */
export function BarLineChart({ data, bar, line, height = 260 }: BarLineChartProps) {
  const lineAxis = line.axis === "right" ? "line" : "bar";
  return (
    <ComposedChart
      responsive
      data={data}
      style={{ width: "100%", height }}
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
        yAxisId="bar"
        allowDecimals={false}
        tick={axisTick}
        tickLine={false}
        axisLine={false}
        width={40}
      />
      {line.axis === "right" ? (
        <YAxis
          yAxisId="line"
          orientation="right"
          tick={axisTick}
          tickLine={false}
          axisLine={false}
          width={56}
          tickFormatter={(v: number) =>
            line.format === "usd" ? usdAxis.format(v) : v.toLocaleString("en-US")
          }
        />
      ) : null}
      <Tooltip
        formatter={(value, name) => formatValue(value, name === line.name ? line.format : bar.format)}
      />
      <Legend iconType="circle" wrapperStyle={{ fontSize: 12 }} />
      <Bar
        yAxisId="bar"
        dataKey={bar.key}
        name={bar.name}
        fill={chartColors.brandSoft}
        radius={[3, 3, 0, 0]}
      />
      <Line
        yAxisId={lineAxis}
        dataKey={line.key}
        name={line.name}
        stroke={chartColors.accent}
        strokeWidth={2}
        dot={false}
        type="monotone"
        isAnimationActive={false}
      />
    </ComposedChart>
  );
}
