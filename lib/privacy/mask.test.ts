import { describe, expect, it } from "vitest";
import { maskDeviceId, maskEmail, maskName } from "./mask";

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

describe("maskDeviceId", () => {
  it.each([
    ["3f2a9c1e-5b7d-4e8a-9c0f-1a2b3c4d5e6f", "…3c4d5e6f"],
    ["short", "…short"],
  ])("%s → %s", (input, expected) => expect(maskDeviceId(input)).toBe(expected));
});
