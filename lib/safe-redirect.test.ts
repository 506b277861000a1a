import { describe, expect, it } from "vitest";
import { isCallbackUrlShape, safeCallbackUrl, sameSiteRedirect } from "./safe-redirect";

describe("safeCallbackUrl", () => {
  it.each([
    ["/dashboard", "/dashboard"],
    ["/admin?x=1", "/admin?x=1"],
    ["//evil.example", undefined],
    ["/\\evil.example", undefined],
    ["https://evil.example", undefined],
    ["/\t/evil.example", undefined],
    ["/\n/evil.example", undefined],
    ["", undefined],
    [null, undefined],
  ])("%s → %s", (input, expected) => expect(safeCallbackUrl(input)).toBe(expected));
});

describe("sameSiteRedirect", () => {
  const site = "https://refer.musenest.test";
  it.each([
    ["/dashboard?x=1", "/dashboard?x=1"],
    ["https://refer.musenest.test/admin#top", "/admin#top"],
    ["https://refer.musenest.test", "/"],
    ["https://evil.example/admin", "/"],
    ["//evil.example", "/"],
    ["x", "/"],
    ["javascript:alert(1)", "/"],
  ])("%s → %s", (input, expected) => expect(sameSiteRedirect(input, site)).toBe(expected));

  it("without a configured public URL keeps only paths", () => {
    expect(sameSiteRedirect("http://localhost:3000/dashboard", undefined)).toBe("/");
    expect(sameSiteRedirect("/dashboard", undefined)).toBe("/dashboard");
  });
});

describe("isCallbackUrlShape", () => {
  it.each([
    ["/dashboard", true],
    ["https://evil.example/", true],
    ["x", false],
    ["javascript:alert(1)", false],
    ["/\u0000", false],
  ])("%j → %s", (input, expected) => expect(isCallbackUrlShape(input)).toBe(expected));
});
