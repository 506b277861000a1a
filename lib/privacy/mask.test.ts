import { describe, expect, it } from "vitest";
import { maskEmail, maskName } from "./mask";

describe("maskEmail", () => {
  it.each([
    ["maya@example.com", "m***@example.com"],
    ["a@b.co", "a***@b.co"],
    ["broken", "***"],
  ])("%s → %s", (input, expected) => expect(maskEmail(input)).toBe(expected));
});

describe("maskName", () => {
  it.each([
    ["Sarah Johnson", "S*** J."],
    ["maya", "M***"],
    ["  José María  López ", "J*** L."],
    ["", "***"],
  ])("%j → %s", (input, expected) => expect(maskName(input)).toBe(expected));
});
