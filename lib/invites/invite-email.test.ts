import { describe, expect, it } from "vitest";
import { buildInviteEmail } from "./invite-email";

const link = "https://musenest.app/r/MAYA2025?src=email";

describe("buildInviteEmail", () => {
  it("names the referrer, the code, the offer and the tagged link", () => {
    const email = buildInviteEmail({
      referrerName: "Maya Chen",
      code: "MAYA2025",
      offer: "a 7-day free trial and 20 bonus points",
      link,
    });
    expect(email.subject).toBe("Maya Chen invites you to MuseNest");
    expect(email.text).toContain(
      "Maya Chen invites you to MuseNest. Sign up with code MAYA2025 and get a 7-day free trial and 20 bonus points.",
    );
    expect(email.text).toContain(`Accept the invite: ${link}`);
    expect(email.text).toContain("enter the code MAYA2025");
  });

  it("leaves the offer out when there is none", () => {
    const email = buildInviteEmail({ referrerName: "Maya", code: "MAYA2025", offer: null, link });
    expect(email.text).toContain("Maya invites you to MuseNest. Sign up with code MAYA2025.");
  });

  it("keeps a name with line breaks on one line, and falls back for a blank name", () => {
    expect(
      buildInviteEmail({ referrerName: "Eve\r\nBcc: x@y.z", code: "C0DE01", offer: null, link }).subject,
    ).toBe("Eve Bcc: x@y.z invites you to MuseNest");
    expect(buildInviteEmail({ referrerName: "  ", code: "C0DE01", offer: null, link }).subject).toBe(
      "A friend invites you to MuseNest",
    );
  });
});
