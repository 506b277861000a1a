import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { rateLimits } from "@/db/schema";
import { rawRows, useTestDatabase } from "@/testing/use-test-database";
import { checkRateLimit, limitFromEnv, pruneRateLimits } from "./rate-limit";

const testDb = useTestDatabase();
const perMinute = { limit: 3, windowMs: 60_000 };
const t0 = new Date("2026-08-04T12:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

afterEach(async () => {
  await testDb.db.delete(rateLimits);
  vi.unstubAllEnvs();
});

describe("checkRateLimit (PostgreSQL)", () => {
  it("allows `limit` attempts per window, then says how long to wait", async () => {
    const db = testDb.db;
    const allowed = [];
    for (const i of [0, 1, 2])
      allowed.push((await checkRateLimit(db, "t", "1.2.3.4", perMinute, at(i))).allowed);
    expect(allowed).toEqual([true, true, true]);
    expect(await checkRateLimit(db, "t", "1.2.3.4", perMinute, at(15_000))).toEqual({
      allowed: false,
      limit: 3,
      remaining: 0,
      retryAfterSeconds: 45,
    });
    // Refused attempts do not buy time; the window still ends a minute after it started.
    expect((await checkRateLimit(db, "t", "1.2.3.4", perMinute, at(59_500))).retryAfterSeconds).toBe(1);
    expect(await checkRateLimit(db, "t", "1.2.3.4", perMinute, at(60_000))).toMatchObject({
      allowed: true,
      remaining: 2,
    });
  });

  it("counts each key and each bucket separately", async () => {
    const db = testDb.db;
    for (let i = 0; i < 3; i++) await checkRateLimit(db, "t", "a", perMinute, t0);
    expect((await checkRateLimit(db, "t", "a", perMinute, t0)).allowed).toBe(false);
    expect((await checkRateLimit(db, "t", "b", perMinute, t0)).allowed).toBe(true);
    expect((await checkRateLimit(db, "other", "a", perMinute, t0)).allowed).toBe(true);
  });

  it("lets exactly `limit` of many concurrent hits through", async () => {
    const results = await Promise.all(
      Array.from({ length: 60 }, () =>
        checkRateLimit(testDb.db, "burst", "9.9.9.9", { limit: 7, windowMs: 60_000 }),
      ),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(7);
    const [row] = await testDb.db.select().from(rateLimits);
    expect(row.hits).toBe(60);
  });

  it("keeps one row per key (no history) and prunes ended windows only", async () => {
    const db = testDb.db;
    for (let i = 0; i < 5; i++) await checkRateLimit(db, "t", "old", perMinute, at(i));
    await checkRateLimit(db, "t", "live", perMinute, at(50_000));
    expect(await db.$count(rateLimits)).toBe(2);
    expect(await pruneRateLimits(db, at(70_000))).toBe(1);
    expect((await db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key)).toEqual(["live"]);
  });

  it("uses the database clock when no time is given", async () => {
    const result = await checkRateLimit(testDb.db, "t", "now", { limit: 1, windowMs: 10_000 });
    expect(result.allowed).toBe(true);
    const [row] = rawRows<{ ends_in: number }>(
      await testDb.db.execute(
        sql`SELECT EXTRACT(EPOCH FROM expires_at - now())::float AS ends_in FROM rate_limits`,
      ),
    );
    expect(Number(row.ends_in)).toBeGreaterThan(5);
    expect(Number(row.ends_in)).toBeLessThanOrEqual(10);
    expect(await checkRateLimit(testDb.db, "t", "now", { limit: 1, windowMs: 10_000 })).toMatchObject({
      allowed: false,
      retryAfterSeconds: expect.any(Number),
    });
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
