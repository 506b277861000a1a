import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, canonicalCode, displayCode, validateCodeFormat } from "./code-format";

describe("canonicalCode", () => {
  it.each([
    ["MAYA2025", "MAYA2025"],
    ["maya2o25", "MAYA2025"],
    ["MAYA-2025", "MAYA2025"],
    ["xyz-maya", "XYZMAYA"],
    ["Lola 2025", "101A2025"],
    ["iI lL oO", "111100"],
  ])("%s → %s", (input, expected) => {
    expect(canonicalCode(input)).toBe(expected);
  });
});

describe("validateCodeFormat", () => {
  it.each([
    ["MAYA2025", true],
    ["XYZ-MAYA", true],
    ["maya25", true],
    ["ABCDEFGHJKMN", true],
    ["ABC12", false],
    ["ABCDEFGHJKMNP", false],
    ["MAYA_2025", false],
    ["-MAYA2025", false],
    ["MAYA--2025", false],
    ["", false],
  ])("%s valid=%s", (input, valid) => {
    const result = validateCodeFormat(input);
    expect(result.valid).toBe(valid);
    expect(result.errors.length === 0).toBe(valid);
  });

  it("lists every problem", () => {
    expect(validateCodeFormat("A_B").errors).toEqual([
      "Use only letters, digits and '-' separators",
      "Use 6 to 12 letters or digits",
    ]);
  });

  it("display form keeps separators, upper-cases and turns spaces into separators", () => {
    expect(displayCode(" xyz maya ")).toBe("XYZ-MAYA");
  });
});

describe("CODE_ALPHABET", () => {
  it("has no confusable characters", () => {
    for (const ch of "0O1IL") expect(CODE_ALPHABET).not.toContain(ch);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
  });
});
