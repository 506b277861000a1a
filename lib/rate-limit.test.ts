import { afterEach, describe, expect, it, vi } from "vitest";
import { checkRateLimit, limitFromEnv, resetRateLimits } from "./rate-limit";

const perMinute = { limit: 3, windowMs: 60_000 };
const t0 = 1_754_308_800_000;

afterEach(() => {
  resetRateLimits();
  vi.unstubAllEnvs();
});

describe("checkRateLimit", () => {
  it("allows `limit` attempts per window, then says how long to wait", () => {
    expect([0, 1, 2].map((i) => checkRateLimit("t", "1.2.3.4", perMinute, t0 + i).allowed)).toEqual([
      true,
      true,
      true,
    ]);
    expect(checkRateLimit("t", "1.2.3.4", perMinute, t0 + 15_000)).toEqual({
      allowed: false,
      limit: 3,
      remaining: 0,
      retryAfterSeconds: 45,
    });
    // Refused attempts do not buy time; the window still ends a minute after it started.
    expect(checkRateLimit("t", "1.2.3.4", perMinute, t0 + 59_500).retryAfterSeconds).toBe(1);
    expect(checkRateLimit("t", "1.2.3.4", perMinute, t0 + 60_000)).toMatchObject({
      allowed: true,
      remaining: 2,
    });
  });

  it("counts each key and each bucket separately", () => {
    for (let i = 0; i < 3; i++) checkRateLimit("t", "a", perMinute, t0);
    expect(checkRateLimit("t", "a", perMinute, t0).allowed).toBe(false);
    expect(checkRateLimit("t", "b", perMinute, t0).allowed).toBe(true);
    expect(checkRateLimit("other", "a", perMinute, t0).allowed).toBe(true);
  });

  it("keeps at most maxKeys keys, dropping expired windows first, then the oldest", () => {
    const opts = { ...perMinute, limit: 1, maxKeys: 3 };
    checkRateLimit("t", "old", opts, t0);
    checkRateLimit("t", "a", opts, t0 + 30_000);
    checkRateLimit("t", "b", opts, t0 + 40_000);
    // "old" has expired: it goes, and "a" (still inside its window) keeps its count.
    checkRateLimit("t", "c", opts, t0 + 61_000);
    expect(checkRateLimit("t", "a", opts, t0 + 61_000).allowed).toBe(false);
    // Full of live windows: the oldest ("a") is forgotten to make room.
    checkRateLimit("t", "d", opts, t0 + 62_000);
    expect(checkRateLimit("t", "a", opts, t0 + 62_000).allowed).toBe(true);
  });
});

describe("limitFromEnv", () => {
  it.each([
    [undefined, 60],
    ["", 60],
    ["abc", 60],
    ["0", 60],
    ["-5", 60],
    ["2.5", 60],
    ["5", 5],
  ])("%j → %i", (value, expected) => {
    if (value !== undefined) vi.stubEnv("TEST_LIMIT", value);
    expect(limitFromEnv("TEST_LIMIT", 60)).toBe(expected);
  });
});
