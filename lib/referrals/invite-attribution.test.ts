import { describe, expect, it } from "vitest";
import { inviteAttribution } from "./invite-attribution";

const link = { code: "MAYA-2025", source: "sms", clickId: "42" };

describe("inviteAttribution", () => {
  it("credits the link's source and click when the code submitted is the link's", () => {
    expect(inviteAttribution("MAYA-2025", link)).toEqual({ source: "sms", clickId: 42 });
  });

  it("compares canonical codes: case, separators and confusables don't matter", () => {
    expect(inviteAttribution("maya2o25", link)).toEqual({ source: "sms", clickId: 42 });
  });

  it.each([
    ["a different code than the link's", "SARAH25", link],
    ["no code submitted", undefined, link],
    ["an empty code", "", link],
    ["no invite cookie", "MAYA-2025", { source: "sms", clickId: "42" }],
    ["an empty invite cookie", "MAYA-2025", { ...link, code: "" }],
  ])("%s: a manual referral with no click", (_case, submitted, cookies) => {
    expect(inviteAttribution(submitted, cookies)).toEqual({ source: "manual", clickId: null });
  });

  it.each([
    ["an unknown source counts as a plain link", { ...link, source: "carrier-pigeon" }, "link", 42],
    ["no source cookie counts as a plain link", { code: link.code, clickId: "42" }, "link", 42],
    ["a zero click id is no click", { ...link, clickId: "0" }, "sms", null],
    ["a negative click id is no click", { ...link, clickId: "-3" }, "sms", null],
    ["a fractional click id is no click", { ...link, clickId: "4.5" }, "sms", null],
    ["an unsafe click id is no click", { ...link, clickId: "9007199254740993" }, "sms", null],
    ["garbage is no click", { ...link, clickId: "42abc" }, "sms", null],
    ["an empty click id is no click", { ...link, clickId: "" }, "sms", null],
    ["no click cookie is no click", { code: link.code, source: "qr" }, "qr", null],
  ])("edited cookies: %s", (_case, cookies, source, clickId) => {
    expect(inviteAttribution("MAYA-2025", cookies)).toEqual({ source, clickId });
  });
});
