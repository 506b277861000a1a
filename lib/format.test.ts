import { describe, expect, it } from "vitest";
import { centsToDecimal, formatMoney, formatPoints, formatTimeLeft } from "./format";

describe("centsToDecimal", () => {
  it.each([
    [2997, "29.97"],
    [0, "0.00"],
    [5, "0.05"],
    [-399, "-3.99"],
    [123456789, "1234567.89"],
  ])("%i → %s", (cents, expected) => expect(centsToDecimal(cents)).toBe(expected));
});

describe("formatMoney", () => {
  it("formats dollars", () => expect(formatMoney(399)).toBe("$3.99"));
});

describe("formatPoints", () => {
  it("groups thousands", () => expect(formatPoints(24950)).toBe("24,950"));
});

describe("formatTimeLeft", () => {
  const now = new Date("2026-06-15T12:00:00Z");
  it.each([
    ["2026-06-20T12:00:00Z", "5 days left"],
    ["2026-06-17T06:00:00Z", "42 hours left"],
    ["2026-06-15T13:00:00Z", "1 hour left"],
    ["2026-06-15T12:30:00Z", "under an hour left"],
    ["2026-06-15T12:00:00Z", "ended"],
  ])("until %s → %s", (end, expected) => expect(formatTimeLeft(new Date(end), now)).toBe(expected));
});
