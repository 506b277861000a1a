import { describe, expect, it } from "vitest";
import {
  centsToDecimal,
  formatMoney,
  formatPoints,
  formatTimeLeft,
  maskDeviceId,
  maskEmail,
  maskName,
} from "./format";

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

describe("maskName", () => {
  it.each([
    ["Sarah Johnson", "S*** J."],
    ["maya", "M***"],
    ["  José María  López ", "J*** L."],
    ["", "***"],
  ])("%j → %s", (input, expected) => expect(maskName(input)).toBe(expected));
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

describe("maskDeviceId", () => {
  it.each([
    ["3f2a9c1e-5b7d-4e8a-9c0f-1a2b3c4d5e6f", "…3c4d5e6f"],
    ["short", "…short"],
  ])("%s → %s", (input, expected) => expect(maskDeviceId(input)).toBe(expected));
});
