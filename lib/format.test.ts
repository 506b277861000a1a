import { describe, expect, it } from "vitest";
import { centsToDecimal, formatMoney, maskEmail } from "./format";

describe("maskEmail", () => {
  it.each([
    ["maya@example.com", "m***@example.com"],
    ["a@b.co", "a***@b.co"],
    ["broken", "***"],
  ])("%s → %s", (input, expected) => expect(maskEmail(input)).toBe(expected));
});

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
