import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, validateCodeFormat } from "./code-format";
import {
  brandCandidates,
  emailCandidates,
  nameCandidates,
  randomBrandCode,
  randomCode,
} from "./generate-code";

const in2025 = new Date("2025-08-04T12:00:00Z");

describe("randomCode", () => {
  it("a thousand codes: REF + 5 characters of the safe alphabet, never 0 O 1 I L", () => {
    const codes = Array.from({ length: 1000 }, () => randomCode());
    for (const code of codes) {
      expect(code).toMatch(/^REF[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}$/);
      expect(code.slice(3)).not.toMatch(/[0O1IL]/);
      expect(validateCodeFormat(code).valid).toBe(true);
    }
    // 31^5 ≈ 28.6 million codes: a thousand draws all but never repeat.
    expect(new Set(codes).size).toBeGreaterThan(990);
  });

  it("uses every character of the alphabet", () => {
    const seen = new Set(Array.from({ length: 1000 }, () => randomCode(12, "")).join(""));
    expect([...seen].sort().join("")).toBe([...CODE_ALPHABET].sort().join(""));
  });

  it.each([
    [8, "REF", /^REF.{5}$/],
    [6, "", /^.{6}$/],
    [12, "MUSE", /^MUSE.{8}$/],
    [10, "MUSE25", /^MUSE25.{4}$/],
  ])("length %i with prefix %j", (length, prefix, pattern) => {
    expect(randomCode(length, prefix)).toMatch(pattern);
  });

  it.each([
    [5, "REF"],
    [13, "REF"],
    [8, "REFERRAL"],
    [8, "ref"],
  ])("refuses length %i with prefix %j", (length, prefix) => {
    expect(() => randomCode(length, prefix)).toThrow(RangeError);
  });
});

describe("name, e-mail and brand candidates (2025)", () => {
  it.each([
    ["Maya", ["MAYA2025", "MAYA25", "MAYAVIP"]],
    ["maya johnson", ["MAYA2025", "MAYA25", "MAYAVIP"]],
    ["Sarah Johnson", ["SARAH2025", "SARAH25", "SARAHVIP"]],
    ["Rose", ["ROSE2025", "ROSE25", "ROSEVIP"]],
    ["José-María", ["JOSEMARI2025", "JOSEMARIA25", "JOSEMARIAVIP"]],
    ["Christopherson", ["CHRISTOP2025", "CHRISTOPHE25", "CHRISTOPHVIP"]],
    ["Al", ["AL2025"]],
    ["Bo Diddley", ["BO2025"]],
    ["Ann", ["ANN2025", "ANNVIP"]],
    ["O'Neil", ["ONEIL2025", "ONEIL25", "ONEILVIP"]],
    ["  ", []],
    ["李小龙", []],
    ["123", []],
  ])("name %j → %j", (name, expected) => {
    const codes = nameCandidates(name, in2025);
    expect(codes).toEqual(expected);
    for (const code of codes) expect(validateCodeFormat(code).valid).toBe(true);
  });

  it.each([
    ["amanda@example.com", ["AMANDA25", "AMANDA2025"]],
    ["Amanda.Chen+promo@example.com", ["AMANDACHEN25", "AMANDACH2025"]],
    ["j.s@example.com", ["JS2025"]],
    ["1234@example.com", []],
    ["not-an-email", ["NOTANEMAIL25", "NOTANEMA2025"]],
  ])("e-mail %j → %j", (email, expected) => {
    expect(emailCandidates(email, in2025)).toEqual(expected);
  });

  it("brand: MUSE + the year of `now`", () => {
    expect(brandCandidates(in2025)).toEqual(["MUSE2025"]);
    expect(brandCandidates(new Date("2031-01-01T00:00:00Z"))).toEqual(["MUSE2031"]);
    expect(randomBrandCode(in2025)).toMatch(/^MUSE25[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/);
  });

  it("the year is the UTC year of the injected `now`", () => {
    expect(nameCandidates("Maya", new Date("2025-12-31T23:30:00-05:00"))[0]).toBe("MAYA2026");
  });
});
