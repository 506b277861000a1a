import { describe, expect, it } from "vitest";
import { codeUsability, ownerCanRefer, type UsabilityFields } from "./code-usability";

const now = new Date("2026-06-15T12:00:00Z");
const code = (over: Partial<UsabilityFields> = {}): UsabilityFields => ({
  isActive: true,
  expiresAt: null,
  usageCount: 0,
  usageLimit: null,
  ...over,
});

describe("codeUsability", () => {
  it.each<[string, Partial<UsabilityFields>, ReturnType<typeof codeUsability>]>([
    ["no expiry, no limit", {}, "active"],
    [
      "expires tomorrow, 9 of 10 used",
      { expiresAt: new Date("2026-06-16T12:00:00Z"), usageCount: 9, usageLimit: 10 },
      "active",
    ],
    ["switched off", { isActive: false }, "inactive"],
    ["expired yesterday", { expiresAt: new Date("2026-06-14T12:00:00Z") }, "expired"],
    ["expires this very instant", { expiresAt: new Date("2026-06-15T12:00:00Z") }, "expired"],
    ["expiry as ISO text (a page's props)", { expiresAt: "2026-06-15T11:59:59.999Z" }, "expired"],
    ["10 of 10 used", { usageCount: 10, usageLimit: 10 }, "used_up"],
    ["a limit of 0", { usageLimit: 0 }, "used_up"],
    [
      "switched off beats expired and used up",
      { isActive: false, expiresAt: "2020-01-01T00:00:00Z", usageLimit: 0 },
      "inactive",
    ],
    ["expired beats used up", { expiresAt: "2020-01-01T00:00:00Z", usageCount: 5, usageLimit: 5 }, "expired"],
  ])("%s → %s", (_, over, expected) => expect(codeUsability(code(over), now)).toBe(expected));
});

describe("ownerCanRefer", () => {
  it.each([
    ["client", "active", true],
    ["client", "suspended", false],
    ["client", "inactive", false],
    ["admin", "active", false],
  ])("%s, %s → %s", (role, status, expected) => expect(ownerCanRefer({ role, status })).toBe(expected));
});
