import { describe, expect, it } from "vitest";
import { publicReferrerName } from "./public-name";

describe("publicReferrerName", () => {
  it.each([
    ["Sarah Johnson", "Sarah J."],
    ["Maya", "Maya"],
    ["  Mary Ann   van der berg ", "Mary B."],
    ["Agency XYZ", "Agency X."],
    ["", "A friend"],
    ["   ", "A friend"],
  ])("%j → %j", (name, expected) => {
    expect(publicReferrerName(name)).toBe(expected);
  });
});
