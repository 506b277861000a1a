"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { alignedAxes } from "./axis-domains";
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
 *
 * The line joins the periods with straight segments (a smoothed curve would invent values between two
 * days), and the axes come from alignedAxes: counts from 0, money below $0 only for a negative period,
 * and on a two-axis chart both zeros level.
 */
export function BarLineChart({ data, bar, line, height = 260 }: BarLineChartProps) {
  const ownAxis = line.axis === "right";
  const lineAxis = ownAxis ? "line" : "bar";
  const barValues = data.map((p) => Number(p[bar.key]) || 0);
  const lineValues = data.map((p) => Number(p[line.key]) || 0);
  const axes = ownAxis
    ? alignedAxes(barValues, { values: lineValues, canBeNegative: line.format === "usd" })
    : alignedAxes([...barValues, ...lineValues], null);
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
        domain={axes.bar.domain}
        ticks={axes.bar.ticks}
        interval={0}
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
          domain={axes.line?.domain}
          ticks={axes.line?.ticks}
          interval={0}
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
        dot={data.length <= 31 ? { r: 2.5, fill: chartColors.accent, strokeWidth: 0 } : false}
        type="linear"
        isAnimationActive={false}
      />
    </ComposedChart>
  );
}
