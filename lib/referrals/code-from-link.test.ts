import { describe, expect, it } from "vitest";
import { codeFromLink, LINK_CODE_MAX_LENGTH } from "./code-from-link";

describe("codeFromLink", () => {
  it.each([
    ["a known code", "SARAH25", "SARAH25"],
    ["a code with separators", "MAYA-2025", "MAYA-2025"],
    ["a lower-case typo", "maya2o25", "maya2o25"],
    ["odd characters, short", 'x y&z=<1>"é', 'x y&z=<1>"é'],
    ["empty", "", ""],
  ])("keeps %s as it is", (_case, raw, expected) => expect(codeFromLink(raw)).toBe(expected));

  it("keeps a well-formed code whole even past the cut (12 characters with separators)", () => {
    const spaced = "A-B-C-D-E-F-G-H-J-K-M-N";
    expect(spaced.length).toBeGreaterThan(LINK_CODE_MAX_LENGTH);
    expect(codeFromLink(spaced)).toBe(spaced);
  });

  it.each([
    ["junk", `${"A".repeat(500)}&x=<script>"é`, "A".repeat(20)],
    ["a code too long to be one", "ABCDEFGHJKMNPQRSTUVWXYZ", "ABCDEFGHJKMNPQRSTUVW"],
    ["exactly 21 odd characters", "x".repeat(21), "x".repeat(20)],
  ])("cuts %s to 20 characters", (_case, raw, expected) => expect(codeFromLink(raw)).toBe(expected));
});
