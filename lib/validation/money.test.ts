import { describe, expect, it } from "vitest";
import { bpsToInput, centsToInput, parseDollarsToCents, parsePercentToBps } from "./money";

describe("money input", () => {
  it.each([
    ["49.95", 4995],
    ["$5", 500],
    ["0.1", 10],
    ["1,250.00", 125_000],
    ["39.955", null],
    ["-5", null],
    ["abc", null],
  ])("dollars %s → %s cents", (text, cents) => {
    expect(parseDollarsToCents(text)).toBe(cents);
  });

  it.each([
    ["20", 2000],
    ["12.5", 1250],
    ["3%", 300],
    ["0.05", 5],
    ["100", 10_000],
    ["100.01", null],
    ["1e2", null],
  ])("percent %s → %s bps", (text, bps) => {
    expect(parsePercentToBps(text)).toBe(bps);
  });

  it("round-trips for form fields", () => {
    expect(centsToInput(4995)).toBe("49.95");
    expect(centsToInput(500)).toBe("5.00");
    expect(bpsToInput(1250)).toBe("12.5");
    expect(bpsToInput(2000)).toBe("20");
  });
});
