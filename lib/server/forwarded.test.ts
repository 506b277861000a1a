import { describe, expect, it } from "vitest";
import { forwardedChain, normalizeAddress, parseTrustedHops, rewriteForwardedHeaders } from "./forwarded.mjs";

const spoofed = () => ({
  host: "app.internal:3000",
  "x-forwarded-for": "6.6.6.6, 203.0.113.9",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  "x-forwarded-port": "443",
  "x-real-ip": "7.7.7.7",
  forwarded: "for=8.8.8.8",
});

describe("parseTrustedHops", () => {
  it.each([
    [undefined, 0],
    ["", 0],
    ["0", 0],
    ["1", 1],
    [" 2 ", 2],
    ["-1", 0],
    ["1.5", 0],
    ["many", 0],
  ])("%j → %d", (value, hops) => {
    expect(parseTrustedHops(value)).toBe(hops);
  });
});

describe("rewriteForwardedHeaders", () => {
  it("with no trusted proxy, keeps only the socket address and drops every other forwarding header", () => {
    const headers = rewriteForwardedHeaders(spoofed(), "192.0.2.50", 0);
    expect(headers).toEqual({
      host: "app.internal:3000",
      "x-forwarded-for": "192.0.2.50",
      "x-forwarded-proto": "http",
    });
  });

  it("with one trusted proxy, keeps the address it appended (the last entry) and its host and proto", () => {
    const headers = rewriteForwardedHeaders(spoofed(), "10.0.0.2", 1);
    expect(headers["x-forwarded-for"]).toBe("203.0.113.9, 10.0.0.2");
    expect(headers["x-forwarded-host"]).toBe("evil.example");
    expect(headers["x-forwarded-proto"]).toBe("https");
    expect(headers["x-real-ip"]).toBeUndefined();
    expect(headers.forwarded).toBeUndefined();
  });

  it("with N trusted proxies, keeps the last N entries, and all of them when the chain is shorter", () => {
    const chain = (xff: string, hops: number) =>
      rewriteForwardedHeaders({ "x-forwarded-for": xff }, "10.0.0.3", hops)["x-forwarded-for"];
    expect(chain("6.6.6.6, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9, 10.0.0.2, 10.0.0.3");
    expect(chain("203.0.113.9", 2)).toBe("203.0.113.9, 10.0.0.3");
  });

  it("with a trusted proxy that sent no X-Forwarded-For, the socket is the client", () => {
    const headers = rewriteForwardedHeaders({}, "::ffff:127.0.0.1", 1);
    expect(headers).toEqual({ "x-forwarded-for": "127.0.0.1", "x-forwarded-proto": "http" });
  });

  it("drops X-Forwarded-For when the socket address is unknown and nothing is trusted", () => {
    expect(
      rewriteForwardedHeaders({ "x-forwarded-for": "6.6.6.6" }, undefined, 0)["x-forwarded-for"],
    ).toBeUndefined();
  });
});

describe("forwardedChain and normalizeAddress", () => {
  it("joins repeated headers and ignores empty entries", () => {
    expect(forwardedChain(["1.1.1.1, ", " 2.2.2.2"])).toEqual(["1.1.1.1", "2.2.2.2"]);
    expect(forwardedChain(undefined)).toEqual([]);
  });

  it("reads IPv4-mapped IPv6 as IPv4 and leaves real IPv6 alone", () => {
    expect(normalizeAddress("::ffff:10.1.2.3")).toBe("10.1.2.3");
    expect(normalizeAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(normalizeAddress(undefined)).toBeUndefined();
  });
});
