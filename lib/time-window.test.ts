import { describe, expect, it } from "vitest";
import { hasWindowEnded, hasWindowStarted, isWindowOpen } from "./time-window";

const start = new Date("2026-11-27T00:00:00.000Z");
const end = new Date("2026-12-01T00:00:00.000Z");
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

describe("isWindowOpen: [startsAt, endsAt)", () => {
  it.each([
    ["1 ms before the start", ms(start, -1), false, false, false],
    ["exactly at the start", start, true, false, true],
    ["1 ms before the end", ms(end, -1), true, false, true],
    ["exactly at the end", end, true, true, false],
    ["1 ms after the end", ms(end, 1), true, true, false],
  ])("%s: started %s, ended %s, open %s", (_label, at, started, ended, open) => {
    const window = { startsAt: start, endsAt: end };
    expect(hasWindowStarted(window, at)).toBe(started);
    expect(hasWindowEnded(window, at)).toBe(ended);
    expect(isWindowOpen(window, at)).toBe(open);
  });

  it("an open end is unbounded on that side", () => {
    expect(isWindowOpen({ startsAt: null, endsAt: null }, new Date("1970-01-01T00:00:00Z"))).toBe(true);
    expect(isWindowOpen({ startsAt: null, endsAt: end }, ms(end, -1))).toBe(true);
    expect(isWindowOpen({ startsAt: start, endsAt: null }, new Date("2999-01-01T00:00:00Z"))).toBe(true);
  });
});
