import { afterEach, describe, expect, it } from "vitest";
import { clientIp, userAgent } from "./request-info";

const h = (init: Record<string, string>) => new Headers(init);

describe("clientIp", () => {
  afterEach(() => {
    delete process.env.TRUST_PROXY_HOPS;
  });

  it("takes the address appended by the one trusted proxy, not what the client claimed", () => {
    expect(clientIp(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }))).toBe("203.0.113.9");
  });

  it("walks further left with more trusted proxies", () => {
    process.env.TRUST_PROXY_HOPS = "2";
    expect(clientIp(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" }))).toBe("203.0.113.9");
    expect(clientIp(h({ "x-forwarded-for": "203.0.113.9" }))).toBe("203.0.113.9");
  });

  it("falls back to X-Real-IP, then nothing", () => {
    expect(clientIp(h({ "x-real-ip": "198.51.100.1" }))).toBe("198.51.100.1");
    expect(clientIp(h({}))).toBeNull();
  });
});

describe("userAgent", () => {
  it("is truncated to 500 characters", () => {
    expect(userAgent(h({ "user-agent": "x".repeat(900) }))?.length).toBe(500);
  });
});
