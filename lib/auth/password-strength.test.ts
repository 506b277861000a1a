import { describe, expect, it } from "vitest";
import { checkPasswordStrength, ownerWords } from "./password-strength";

const maya = { name: "Maya Lopez", email: "maya.lopez@example.com" };

describe("checkPasswordStrength", () => {
  it.each([
    ["password", "This is one of the most used passwords."],
    ["short", "Use at least 8 characters."],
    ["Password1!", "This is one of the most used passwords."],
    ["qwertyuiop", "This is a very commonly used password."],
    ["maya.lopez@example.com", "Don't use your name or e-mail address"],
    ["lopezmaya", "Don't use your name or e-mail address"],
    ["maya2025!", null],
    ["x".repeat(201), "Use at most 200 characters."],
  ])("%j is refused (%s)", (password, reason) => {
    const verdict = checkPasswordStrength(password, maya);
    expect(verdict.ok).toBe(false);
    if (reason) expect(verdict.message).toContain(reason);
    expect(verdict.message).toBeTruthy();
  });

  it.each([
    "correct horse battery staple",
    "Musenest-Referrals-2026!",
    "tangerine-orbit-walrus",
    "demo-password-123",
  ])("%j is accepted", (password) =>
    expect(checkPasswordStrength(password, maya)).toMatchObject({ ok: true, message: null }),
  );

  it("counts the user's own e-mail and name against the password", () => {
    // Fine for a stranger, too easy for its owner.
    const password = "maya.lopez";
    expect(checkPasswordStrength(password, {}).score).toBeGreaterThan(
      checkPasswordStrength(password, maya).score,
    );
    expect(checkPasswordStrength(password, maya).ok).toBe(false);
  });
});

describe("ownerWords", () => {
  it("takes the name, the address, its local part and their pieces", () => {
    expect(ownerWords({ name: "Maya Lopez", email: "Maya.Lopez+work@Example.com" }).sort()).toEqual(
      [
        "example",
        "lopez",
        "maya",
        "maya lopez",
        "maya.lopez+work",
        "maya.lopez+work@example.com",
        "work",
      ].sort(),
    );
  });
});
