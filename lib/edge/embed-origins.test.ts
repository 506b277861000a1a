import { describe, expect, it } from "vitest";
import { parseEmbedOrigins } from "./embed-origins.mjs";

describe("parseEmbedOrigins", () => {
  it("reads a comma-separated list into origins (trailing slash dropped, duplicates once)", () => {
    expect(parseEmbedOrigins(undefined)).toEqual({ ok: true, origins: [] });
    expect(
      parseEmbedOrigins(" https://App.example.com/ , http://127.0.0.1:4000,,https://app.example.com"),
    ).toEqual({
      ok: true,
      origins: ["https://app.example.com", "http://127.0.0.1:4000"],
    });
  });

  it.each([
    "*",
    "https://*.example.com",
    "app.example.com",
    "https://a.example.com/x",
    "ftp://a.example.com",
    "https://u:p@a.example.com",
    "'self'",
    "https://a.example.com?x=1",
  ])("refuses %s", (value) => {
    const parsed = parseEmbedOrigins(`https://ok.example.com,${value}`);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(value);
  });
});
