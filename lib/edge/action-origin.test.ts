import { describe, expect, it } from "vitest";
import { checkWriteOrigin } from "./action-origin";

const base = {
  method: "POST",
  pathname: "/signup",
  host: "refer.example.com",
  forwardedHost: null,
  origin: "https://refer.example.com" as string | null,
};

describe("checkWriteOrigin", () => {
  it("accepts a same-site POST on the request's own host, either scheme", () => {
    expect(checkWriteOrigin(base).ok).toBe(true);
    expect(checkWriteOrigin({ ...base, origin: "http://refer.example.com" }).ok).toBe(true);
    expect(checkWriteOrigin({ ...base, origin: "HTTPS://Refer.Example.com" }).ok).toBe(true);
  });

  it("accepts the configured public origin and the proxy's forwarded host", () => {
    const internal = { ...base, host: "127.0.0.1:3000", origin: "https://refer.example.com" };
    expect(checkWriteOrigin(internal).ok).toBe(false);
    expect(checkWriteOrigin({ ...internal, configuredUrl: "https://refer.example.com/" }).ok).toBe(true);
    expect(checkWriteOrigin({ ...internal, forwardedHost: "refer.example.com" }).ok).toBe(true);
  });

  it.each([
    ["a foreign origin", "https://evil.example"],
    ["a sibling port", "https://refer.example.com:8443"],
    ["a look-alike", "https://refer.example.com.evil.example"],
    ["no Origin", null],
    ["an opaque origin", "null"],
  ])("refuses %s with a message", (_label, origin) => {
    const result = checkWriteOrigin({ ...base, origin });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/must come from this site/);
  });

  it("leaves reads and API routes alone (those authenticate by key or answer 401 themselves)", () => {
    expect(checkWriteOrigin({ ...base, method: "GET", origin: null }).ok).toBe(true);
    expect(checkWriteOrigin({ ...base, method: "HEAD", origin: null }).ok).toBe(true);
    expect(checkWriteOrigin({ ...base, pathname: "/api/webhooks/stripe", origin: null }).ok).toBe(true);
    expect(checkWriteOrigin({ ...base, pathname: "/apidocs", origin: null }).ok).toBe(false);
  });

  it("lets the RFC 8058 one-click unsubscribe POST through without an Origin, and nothing beside it", () => {
    expect(checkWriteOrigin({ ...base, pathname: "/unsubscribe", origin: null }).ok).toBe(true);
    expect(checkWriteOrigin({ ...base, pathname: "/unsubscribe", origin: "https://mail.example" }).ok).toBe(
      true,
    );
    expect(checkWriteOrigin({ ...base, pathname: "/unsubscribe/one-click", origin: null }).ok).toBe(true);
    expect(checkWriteOrigin({ ...base, pathname: "/unsubscribe/other", origin: null }).ok).toBe(false);
    expect(checkWriteOrigin({ ...base, pathname: "/account/notifications", origin: null }).ok).toBe(false);
    expect(checkWriteOrigin({ ...base, method: "DELETE", pathname: "/unsubscribe", origin: null }).ok).toBe(
      false,
    );
  });

  it("ignores a malformed configured URL", () => {
    expect(checkWriteOrigin({ ...base, configuredUrl: "not a url", origin: "https://evil.example" }).ok).toBe(
      false,
    );
  });
});
