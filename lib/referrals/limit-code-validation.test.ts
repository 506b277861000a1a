import { afterEach, describe, expect, it, vi } from "vitest";
import { rateLimits } from "@/db/schema";
import { useTestDatabase } from "@/testing/use-test-database";
import { limitCodeValidation } from "./limit-code-validation";

const testDb = useTestDatabase();
const t0 = new Date("2026-08-04T12:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

afterEach(async () => {
  await testDb.db.delete(rateLimits);
  vi.unstubAllEnvs();
});

const allowedRun = async (ip: string | null | undefined, n: number, ms = 0) => {
  const out: boolean[] = [];
  for (let i = 0; i < n; i++) out.push((await limitCodeValidation(testDb.db, ip, at(ms + i))).allowed);
  return out;
};

describe("limitCodeValidation", () => {
  it("allows 60 look-ups a minute per address by default, then says how long to wait", async () => {
    expect((await allowedRun("198.51.100.7", 60)).every(Boolean)).toBe(true);
    expect(await limitCodeValidation(testDb.db, "198.51.100.7", at(30_000))).toMatchObject({
      allowed: false,
      limit: 60,
      retryAfterSeconds: 30,
    });
    // Another address has its own minute; the next minute starts afresh.
    expect(await allowedRun("198.51.100.8", 1)).toEqual([true]);
    expect(await allowedRun("198.51.100.7", 1, 60_000)).toEqual([true]);
  });

  it("takes its limit from VALIDATE_RATE_LIMIT_PER_MINUTE", async () => {
    vi.stubEnv("VALIDATE_RATE_LIMIT_PER_MINUTE", "2");
    expect(await allowedRun("198.51.100.9", 3)).toEqual([true, true, false]);
  });

  it("requests with no known address share one budget", async () => {
    vi.stubEnv("VALIDATE_RATE_LIMIT_PER_MINUTE", "2");
    expect(await allowedRun(null, 2)).toEqual([true, true]);
    expect(await allowedRun(undefined, 1)).toEqual([false]);
    expect(await allowedRun("unknown", 1)).toEqual([false]);
  });
});
