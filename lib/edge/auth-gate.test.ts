import { describe, expect, it } from "vitest";
import { loginRedirectPath, needsSession } from "./auth-gate";

describe("needsSession", () => {
  it.each([
    ["/dashboard", true],
    ["/dashboard/referrals", true],
    ["/redeem", true],
    ["/leaderboard", true],
    ["/account/password", true],
    ["/admin", true],
    ["/admin/clients/7", true],
    ["/", false],
    ["/login", false],
    ["/signup", false],
    ["/r/MAYA2025", false],
    ["/dashboards", false],
    ["/administrator", false],
    ["/api/me", false],
  ])("%s → %s", (path, expected) => expect(needsSession(path)).toBe(expected));
});

describe("loginRedirectPath", () => {
  it("returns to the same path and query, relative to the visitor's host", () => {
    expect(
      loginRedirectPath(new URL("http://refer.example.com/dashboard/referrals?status=paid&page=2")),
    ).toBe("/login?callbackUrl=%2Fdashboard%2Freferrals%3Fstatus%3Dpaid%26page%3D2");
    expect(loginRedirectPath(new URL("http://x.test/admin"))).toBe("/login?callbackUrl=%2Fadmin");
  });
});
