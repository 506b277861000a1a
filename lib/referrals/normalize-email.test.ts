import { describe, expect, it } from "vitest";
import { accountEmail, emailDomain, normalizeEmail } from "./normalize-email";

describe("accountEmail", () => {
  it.each([
    ["  Maya@Example.COM ", "maya@example.com"],
    ["maya.smith+promo@gmail.com", "maya.smith+promo@gmail.com"],
    ["\tSAM@B.CO\n", "sam@b.co"],
    ["   ", ""],
  ])("%j → %j", (input, expected) => expect(accountEmail(input)).toBe(expected));
});

describe("normalizeEmail builds on accountEmail", () => {
  it.each([
    [" Maya.Smith+promo@Gmail.com ", "mayasmith@gmail.com"],
    ["Sam+x@Example.com", "sam@example.com"],
  ])("%j → %s", (input, expected) => expect(normalizeEmail(input)).toBe(expected));
});

describe("emailDomain", () => {
  it("is the lower-cased part after the last @", () =>
    expect(emailDomain("a@b@Example.COM")).toBe("example.com"));
});
