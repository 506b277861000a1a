import { describe, expect, it } from "vitest";
import { rewriteForwardedHeaders } from "./server/forwarded.mjs";
import { clientIp, userAgent } from "./request-info";

const h = (init: Record<string, string>) => new Headers(init);

describe("clientIp", () => {
  it("reads the first X-Forwarded-For entry, which the custom server has made trustworthy", () => {
    expect(clientIp(h({ "x-forwarded-for": "203.0.113.9, 10.0.0.2" }))).toBe("203.0.113.9");
    expect(clientIp(h({ "x-forwarded-for": " 203.0.113.9 " }))).toBe("203.0.113.9");
  });

  it("is null without the header, and ignores X-Real-IP (the server drops it)", () => {
    expect(clientIp(h({ "x-real-ip": "198.51.100.1" }))).toBeNull();
    expect(clientIp(h({}))).toBeNull();
  });

  it("can't be chosen by the client once the server rewrote the headers", () => {
    for (const [hops, expected] of [
      [0, "192.0.2.50"],
      [1, "198.51.100.7"],
    ] as const) {
      const rotated = new Set<string | null>();
      for (let i = 0; i < 20; i++) {
        const incoming = { "x-forwarded-for": `10.9.${i}.1, 198.51.100.7`, "x-real-ip": `10.8.${i}.1` };
        const rewritten = rewriteForwardedHeaders(incoming, "192.0.2.50", hops);
        rotated.add(clientIp(h(rewritten as Record<string, string>)));
      }
      expect([...rotated]).toEqual([expected]);
    }
  });
});

describe("userAgent", () => {
  it("is truncated to 500 characters", () => {
    expect(userAgent(h({ "user-agent": "x".repeat(900) }))?.length).toBe(500);
  });
});
