import { afterEach, describe, expect, it, vi } from "vitest";
import { rateLimits } from "@/db/schema";
import { recordStatements } from "@/db/statement-log";
import { insertClient, insertCode, insertReferral } from "@/testing/fixtures";
import { useTestDatabase } from "@/testing/use-test-database";
import { limitedCodeCheck } from "./limit-code-validation";
import { checkCode } from "./validate-code";

const testDb = useTestDatabase();
const t0 = new Date("2026-08-04T12:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

afterEach(async () => {
  await testDb.db.delete(rateLimits);
  vi.unstubAllEnvs();
});

const allowedRun = async (ip: string | null | undefined, n: number, ms = 0) => {
  const out: boolean[] = [];
  for (let i = 0; i < n; i++)
    out.push((await limitedCodeCheck(testDb.db, "NOSUCHCODE", ip, at(ms + i))).limit.allowed);
  return out;
};

describe("limitedCodeCheck: the attempt's rate limit", () => {
  it("allows 60 look-ups a minute per address by default, then says how long to wait", async () => {
    expect((await allowedRun("198.51.100.7", 60)).every(Boolean)).toBe(true);
    expect((await limitedCodeCheck(testDb.db, "NOSUCHCODE", "198.51.100.7", at(30_000))).limit).toMatchObject(
      {
        allowed: false,
        limit: 60,
        retryAfterSeconds: 30,
      },
    );
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

  it("a malformed code is an attempt too", async () => {
    vi.stubEnv("VALIDATE_RATE_LIMIT_PER_MINUTE", "1");
    expect((await limitedCodeCheck(testDb.db, "!!", "198.51.100.10", t0)).limit.allowed).toBe(true);
    expect((await limitedCodeCheck(testDb.db, "!!", "198.51.100.10", t0)).limit.allowed).toBe(false);
  });

  it("lets exactly the limit of many concurrent attempts from one address through", async () => {
    vi.stubEnv("VALIDATE_RATE_LIMIT_PER_MINUTE", "7");
    const results = await Promise.all(
      Array.from({ length: 40 }, () => limitedCodeCheck(testDb.db, "NOSUCHCODE", "198.51.100.11")),
    );
    expect(results.filter((r) => r.limit.allowed)).toHaveLength(7);
    const [row] = await testDb.db.select().from(rateLimits);
    expect(row.hits).toBe(40);
  });
});

describe("limitedCodeCheck: the lookup", () => {
  it("counts the attempt and looks the code up in one statement", async () => {
    await insertCode(testDb.db, (await insertClient(testDb.db)).id, "ONESTMT1");
    // The first call of a process may prune ended windows (housekeeping); measure a later one.
    await limitedCodeCheck(testDb.db, "ONESTMT1", "198.51.100.12", t0);
    const { result, statements } = await recordStatements(() =>
      limitedCodeCheck(testDb.db, "ONESTMT1", "198.51.100.12", t0),
    );
    expect(result.check.valid).toBe(true);
    expect(statements).toHaveLength(1);
  });

  it("answers exactly as checkCode for every outcome, found by canonical form", async () => {
    const maya = await insertClient(testDb.db, { name: "Maya", email: "maya@example.com" });
    await insertCode(testDb.db, maya.id, "MAYA2025", { codeName: "Maya VIP", usageLimit: 10 });
    await insertCode(testDb.db, (await insertClient(testDb.db)).id, "PAUSED25", { isActive: false });
    await insertCode(testDb.db, (await insertClient(testDb.db, { status: "suspended" })).id, "OWNERSUS");
    await insertCode(testDb.db, (await insertClient(testDb.db, { role: "admin" })).id, "STAFFCODE");
    await insertCode(testDb.db, (await insertClient(testDb.db)).id, "OLDPROMO", {
      expiresAt: new Date("2026-08-04T11:59:59Z"),
    });
    const once = await insertCode(testDb.db, (await insertClient(testDb.db)).id, "ONCEONLY", {
      usageLimit: 1,
    });
    await insertReferral(testDb.db, once);
    const typed = ["maya2o25", " Maya-2025 ", "PAUSED25", "OWNERSUS", "STAFFCODE", "OLDPROMO", "ONCEONLY"];
    for (const raw of [...typed, "NOSUCHCODE", "", "ABC12", "X".repeat(5000)]) {
      const expected = await checkCode(testDb.db, raw, t0);
      const { check } = await limitedCodeCheck(testDb.db, raw, `198.51.100.${raw.length}`, t0);
      if (!expected.valid) {
        expect(check, raw).toEqual(expected);
        continue;
      }
      expect(check.valid, raw).toBe(true);
      if (!check.valid) continue;
      expect(check.referrer).toEqual(expected.referrer);
      const { code, codeName, usageCount, usageLimit, expiresAt, isActive } = expected.code;
      expect(check.code).toEqual({ code, codeName, usageCount, usageLimit, expiresAt, isActive });
    }
  });
});
