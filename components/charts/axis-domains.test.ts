import { describe, expect, it } from "vitest";
import { alignedAxes, niceStep } from "./axis-domains";

/** Where 0 sits on an axis, as a fraction of its height from the bottom. */
const zeroAt = ({ domain: [lo, hi] }: { domain: [number, number] }) => -lo / (hi - lo);

describe("niceStep", () => {
  it("rounds up to 1, 2 or 5 × 10^k, never below 1", () => {
    expect([0, 0.3, 1, 1.2, 2.5, 7, 12, 260].map(niceStep)).toEqual([1, 1, 1, 2, 5, 10, 20, 500]);
  });
});

describe("alignedAxes", () => {
  it("starts a count axis at 0 with whole steps", () => {
    expect(alignedAxes([0, 3, 1], null).bar).toEqual({ domain: [0, 3], ticks: [0, 1, 2, 3] });
    expect(alignedAxes([0, 0], null).bar).toEqual({ domain: [0, 1], ticks: [0, 1] });
  });

  it("puts $0 level with 0 signups and no axis below zero when nothing is negative", () => {
    const axes = alignedAxes([3, 5, 0], { values: [12.5, 0, 140], canBeNegative: true });
    expect(axes.bar.domain[0]).toBe(0);
    expect(axes.line!.domain[0]).toBe(0);
    expect(axes.bar.ticks.length).toBe(axes.line!.ticks.length);
  });

  it("goes below $0 only for a negative month, and keeps both zeros level", () => {
    const axes = alignedAxes([4, 8], { values: [-15, 120], canBeNegative: true });
    expect(axes.line!.domain[0]).toBeLessThan(0);
    expect(axes.line!.domain[0]).toBeLessThanOrEqual(-15);
    expect(zeroAt(axes.bar)).toBeCloseTo(zeroAt(axes.line!), 10);
    // The count axis is stretched to meet that zero but shows no negative tick.
    expect(Math.min(...axes.bar.ticks)).toBe(0);
  });

  it("opens only the room a small negative month needs, without a negative label", () => {
    const axes = alignedAxes([20, 80], { values: [0, 190, -3.58], canBeNegative: true });
    expect(axes.line!.domain[0]).toBeLessThan(-3.58);
    expect(axes.line!.domain[0]).toBeGreaterThan(-10);
    expect(Math.min(...axes.line!.ticks)).toBe(0);
    expect(zeroAt(axes.bar)).toBeCloseTo(zeroAt(axes.line!), 10);
  });

  it("scales a chart whose only values are negative", () => {
    const axes = alignedAxes([0, 0], { values: [-40, 0], canBeNegative: true });
    expect(axes.line!.domain[0]).toBeLessThanOrEqual(-40);
    expect(axes.line!.domain[1]).toBeGreaterThan(0);
  });

  it("never shows a negative count, even if the line is a count that can't be negative", () => {
    const axes = alignedAxes([2, 9], { values: [30, 70], canBeNegative: false });
    expect(axes.bar.domain[0]).toBe(0);
    expect(axes.line!.domain[0]).toBe(0);
    expect(axes.bar.domain[1]).toBeGreaterThanOrEqual(9);
    expect(axes.line!.domain[1]).toBeGreaterThanOrEqual(70);
  });
});
