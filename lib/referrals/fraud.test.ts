import { describe, expect, it } from "vitest";
import { fraudFlags, isDisposableDomain, isOwnCode, VELOCITY_MAX_SIGNUPS, type FraudEvidence } from "./fraud";
import { normalizeEmail } from "./normalize-email";

const base: FraudEvidence = {
  referrer: {
    normalizedEmail: "maya@example.com",
    phone: "+14155550100",
    lastIpHash: "ip-maya",
    lastDeviceId: "dev-maya",
  },
  referred: {
    email: "new@example.com",
    normalizedEmail: "new@example.com",
    phone: null,
    ipHash: "ip-new",
    deviceId: "dev-new",
  },
  recentSignupsFromIp: 0,
  emailAliasOfExisting: false,
};
const rules = (e: FraudEvidence) => fraudFlags(e).map((f) => f.rule);

describe("normalizeEmail", () => {
  it.each([
    ["Maya.Smith+promo@Gmail.com", "mayasmith@gmail.com"],
    ["m.a.y.a@googlemail.com", "maya@gmail.com"],
    ["maya.smith+x@example.com", "maya.smith@example.com"],
    ["MAYA@example.com", "maya@example.com"],
  ])("%s → %s", (input, expected) => expect(normalizeEmail(input)).toBe(expected));
});

describe("isOwnCode", () => {
  it("refuses the owner's own mailbox", () => {
    expect(isOwnCode({ ...base, referred: { ...base.referred, normalizedEmail: "maya@example.com" } })).toBe(
      true,
    );
  });
  it("refuses the owner's phone", () => {
    expect(isOwnCode({ ...base, referred: { ...base.referred, phone: "+14155550100" } })).toBe(true);
  });
  it("lets a different person through", () => expect(isOwnCode(base)).toBe(false));
});

describe("fraudFlags", () => {
  it("clean signup has no flags", () => expect(fraudFlags(base)).toEqual([]));
  it("same IP", () =>
    expect(rules({ ...base, referred: { ...base.referred, ipHash: "ip-maya" } })).toEqual([
      "same_ip_as_referrer",
    ]));
  it("same device", () =>
    expect(rules({ ...base, referred: { ...base.referred, deviceId: "dev-maya" } })).toEqual([
      "same_device_as_referrer",
    ]));
  it("velocity at the threshold, not below", () => {
    expect(rules({ ...base, recentSignupsFromIp: VELOCITY_MAX_SIGNUPS - 1 })).toEqual([]);
    expect(rules({ ...base, recentSignupsFromIp: VELOCITY_MAX_SIGNUPS })).toEqual(["ip_velocity"]);
  });
  it("alias", () => expect(rules({ ...base, emailAliasOfExisting: true })).toEqual(["email_alias"]));
  it("disposable domain, including sub-domains", () => {
    expect(isDisposableDomain("x@mailinator.com")).toBe(true);
    expect(isDisposableDomain("x@eu.mailinator.com")).toBe(true);
    expect(isDisposableDomain("x@example.com")).toBe(false);
    expect(rules({ ...base, referred: { ...base.referred, email: "x@mailinator.com" } })).toEqual([
      "disposable_email",
    ]);
  });
  it("every flag carries a reason", () => {
    const all = fraudFlags({
      ...base,
      referred: {
        email: "x@mailinator.com",
        normalizedEmail: "x@mailinator.com",
        phone: null,
        ipHash: "ip-maya",
        deviceId: "dev-maya",
      },
      recentSignupsFromIp: 9,
      emailAliasOfExisting: true,
    });
    expect(all).toHaveLength(5);
    for (const f of all) expect(f.reason.length).toBeGreaterThan(10);
  });
});
