import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, makeNonce, securityHeaders, servedOverHttps } from "./security-headers";

describe("contentSecurityPolicy", () => {
  const policy = contentSecurityPolicy("abc123==", { https: false });

  it("allows scripts only by this request's nonce, never eval or inline", () => {
    expect(policy).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it("forbids framing, plugins and foreign form targets", () => {
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).toContain("base-uri 'self'");
  });

  it("upgrades sub-resources only over https", () => {
    expect(policy).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("n", { https: true })).toContain("upgrade-insecure-requests");
  });

  it("lets only the listed origins frame the embeddable panel, and no one when the list is empty", () => {
    const embed = contentSecurityPolicy("n", {
      https: false,
      frameAncestors: ["https://app.example.com", "http://127.0.0.1:4000"],
    });
    expect(embed).toContain("frame-ancestors https://app.example.com http://127.0.0.1:4000");
    expect(contentSecurityPolicy("n", { https: false, frameAncestors: [] })).toContain(
      "frame-ancestors 'none'",
    );
  });

  it("allows eval in development only (React's dev overlays)", () => {
    expect(contentSecurityPolicy("n", { https: false, dev: true })).toContain("'unsafe-eval'");
  });
});

describe("makeNonce", () => {
  it("is fresh per call and a valid base64 nonce-source", () => {
    const a = makeNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(makeNonce()).not.toBe(a);
  });
});

describe("securityHeaders", () => {
  it("sends the fixed set, HSTS only over https", () => {
    const plain = securityHeaders({ https: false });
    expect(plain).toMatchObject({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
    expect(plain["Permissions-Policy"]).toContain("camera=()");
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/^max-age=31536000/);
  });

  it("drops X-Frame-Options and the Referer for the embeddable panel (its URL carries a token)", () => {
    const embed = securityHeaders({ https: false, embed: true });
    expect(embed["X-Frame-Options"]).toBeUndefined();
    expect(embed["Referrer-Policy"]).toBe("no-referrer");
  });
});

describe("servedOverHttps", () => {
  it.each([
    ["http://x.test/", null, false],
    ["https://x.test/", null, true],
    ["http://x.test/", "https", true],
    ["http://x.test/", "HTTPS, http", true],
    ["http://x.test/", "http", false],
    ["http://x.test/", "", false],
  ])("%s with X-Forwarded-Proto %s → %s", (url, proto, expected) =>
    expect(servedOverHttps(new URL(url), proto)).toBe(expected),
  );
});
