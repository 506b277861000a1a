import { describe, expect, it } from "vitest";
import { parsePort, startupProblem } from "./startup-checks.mjs";

describe("startupProblem", () => {
  it("refuses to start without NEXTAUTH_SECRET, naming it", () => {
    expect(startupProblem({})).toMatch(/NEXTAUTH_SECRET must be set/);
    expect(startupProblem({ NEXTAUTH_SECRET: "  " })).toMatch(/NEXTAUTH_SECRET/);
    expect(startupProblem({ NEXTAUTH_SECRET: "s3cret" })).toBeNull();
  });
});

describe("parsePort", () => {
  it("prefers -p, then PORT, then 3000, and refuses what isn't a port", () => {
    expect(parsePort("4000", "5000")).toBe(4000);
    expect(parsePort(undefined, "5000")).toBe(5000);
    expect(parsePort(undefined, undefined)).toBe(3000);
    expect(parsePort("http", undefined)).toBeNull();
    expect(parsePort("70000", undefined)).toBeNull();
  });
});

describe("startupProblem: EMBED_ALLOWED_ORIGINS", () => {
  const env = { NEXTAUTH_SECRET: "s3cret" };
  it("starts with no list or a list of origins, and refuses anything that is not an origin", () => {
    expect(startupProblem(env)).toBeNull();
    expect(
      startupProblem({ ...env, EMBED_ALLOWED_ORIGINS: "https://app.example.com, http://127.0.0.1:4000" }),
    ).toBeNull();
    for (const bad of [
      "*",
      "app.example.com",
      "https://app.example.com/path",
      "https://*.example.com",
      "'self'",
    ]) {
      expect(startupProblem({ ...env, EMBED_ALLOWED_ORIGINS: bad }), bad).toMatch(/EMBED_ALLOWED_ORIGINS/);
    }
  });
});
