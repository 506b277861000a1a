// The y axes of the bar-and-line charts, computed rather than left to the chart library: its automatic
// domains let a two-axis chart put "$0" beside "3 signups" and run to -$15 when nothing is negative.
// Here each axis starts at 0 (or below it only when a value is below 0, and never for counts), both axes
// get the same number of steps above and below zero, so their zeros — and their grid lines — meet.

export type AxisScale = { domain: [number, number]; ticks: number[] };

/** The smallest 1, 2 or 5 × 10^k at or above `x`, and at least 1 (axes read whole counts and dollars). */
export function niceStep(x: number): number {
  if (!(x > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * power >= x) return m * power;
  return 10 * power;
}

/** Room below the lowest negative value, as a share of it, so its bar or point isn't on the edge. */
const BELOW = 1.15;

type Extent = { step: number; up: number; down: number };

/**
 * An axis in steps: `up` whole steps above zero, and `down` steps below — a fraction of a step, just what
 * the lowest value needs (a -$3 month doesn't open a -$50 band with a "-$50" label).
 */
function extent(values: number[], canBeNegative: boolean, steps: number): Extent {
  const hi = Math.max(0, ...values);
  const lo = canBeNegative ? Math.min(0, ...values) : 0;
  const step = niceStep(hi > 0 ? hi / steps : -lo / steps);
  return { step, up: Math.max(1, Math.ceil(hi / step)), down: lo < 0 ? (-lo * BELOW) / step : 0 };
}

function scale(e: { step: number }, up: number, down: number, canBeNegative: boolean): AxisScale {
  const ticks: number[] = [];
  // Labelled ticks below zero only for an axis that can go there, and only whole steps inside the domain:
  // a count axis stretched to meet the other's zero shows no negative tick.
  for (let i = canBeNegative ? -Math.floor(down) : 0; i <= up; i++) ticks.push(i === 0 ? 0 : i * e.step);
  return { domain: [down ? -down * e.step : 0, up * e.step], ticks };
}

/**
 * The bar axis (counts: never negative) and, when the line has its own axis, the line's (money: negative
 * only if a value is, e.g. a month whose refunds exceed its earnings), with their zeros level.
 */
export function alignedAxes(
  bar: number[],
  line: { values: number[]; canBeNegative: boolean } | null,
  steps = 4,
): { bar: AxisScale; line: AxisScale | null } {
  const b = extent(bar, false, steps);
  if (!line) return { bar: scale(b, b.up, 0, false), line: null };
  const l = extent(line.values, line.canBeNegative, steps);
  const up = Math.max(b.up, l.up);
  const down = Math.max(b.down, l.down);
  return { bar: scale(b, up, down, false), line: scale(l, up, down, line.canBeNegative) };
}
