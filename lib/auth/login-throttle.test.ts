import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { auditLog, loginThrottles } from "@/db/schema";
import { useTestDatabase } from "@/testing/use-test-database";
import {
  beginLoginAttempt,
  loginThrottleConfig,
  pruneLoginThrottles,
  settleLoginSuccess,
  type LoginThrottleConfig,
} from "./login-throttle";

const testDb = useTestDatabase();
const MIN = 60_000;
const config: LoginThrottleConfig = {
  maxPerEmail: 3,
  maxPerAddress: 5,
  windowMs: 15 * MIN,
  lockMs: 15 * MIN,
  maxLockMs: 60 * MIN,
  forgetMs: 24 * 60 * MIN,
};
const t0 = new Date("2026-08-04T12:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

afterEach(async () => {
  await testDb.db.delete(loginThrottles);
  await testDb.db.delete(auditLog);
  vi.unstubAllEnvs();
});

async function attempts(n: number, who: { email: string; ip: string | null }, when: Date) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await beginLoginAttempt(testDb.db, who, config, when));
  return out;
}

describe("beginLoginAttempt", () => {
  it("allows the budget per e-mail, then locks it out with Retry-After, and audits the lock-out once", async () => {
    const who = { email: "maya@example.com", ip: "10.0.0.1" };
    expect((await attempts(3, who, t0)).every((g) => g.allowed)).toBe(true);
    expect(await beginLoginAttempt(testDb.db, who, config, at(1000))).toEqual({
      allowed: false,
      retryAfterSeconds: 15 * 60,
    });
    // Still locked a minute later; the wait shrinks, it does not restart.
    expect(await beginLoginAttempt(testDb.db, who, config, at(61_000))).toEqual({
      allowed: false,
      retryAfterSeconds: 14 * 60,
    });
    const audits = await testDb.db.select().from(auditLog).where(eq(auditLog.action, "auth.login_locked"));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      entityType: "login",
      entityId: "maya@example.com",
      ip: "10.0.0.1",
      details: { scope: "email", lockout: 1, retry_after_seconds: 900 },
    });
    // Another e-mail from the same address still gets in (5 charged to the address so far: refused
    // attempts count against it too, so hammering a locked account spends the address's budget).
    const sarah = { ...who, email: "sarah@example.com" };
    expect(
      (await beginLoginAttempt(testDb.db, sarah, { ...config, maxPerAddress: 10 }, at(2000))).allowed,
    ).toBe(true);
  });

  it("doubles each consecutive lock-out, up to the cap, and forgets after a quiet day", async () => {
    const who = { email: "x@example.com", ip: null };
    let clock = 0;
    const lockLengths: number[] = [];
    for (let round = 0; round < 4; round++) {
      await attempts(3, who, at(clock));
      const refused = await beginLoginAttempt(testDb.db, who, config, at(clock));
      expect(refused.allowed).toBe(false);
      const wait = (refused as { retryAfterSeconds: number }).retryAfterSeconds;
      lockLengths.push(wait / 60);
      clock += wait * 1000; // the lock-out ends; a new window of 3 attempts begins
      expect((await beginLoginAttempt(testDb.db, who, config, at(clock))).allowed).toBe(true);
      clock += 1;
    }
    expect(lockLengths).toEqual([15, 30, 60, 60]);
    // A day without a lock-out: back to 15 minutes.
    clock += 25 * 60 * MIN;
    await attempts(3, who, at(clock));
    expect(await beginLoginAttempt(testDb.db, who, config, at(clock))).toEqual({
      allowed: false,
      retryAfterSeconds: 15 * 60,
    });
  });

  it("counts an e-mail with no account exactly like one with an account", async () => {
    const ghost = { email: "nobody-here@example.com", ip: "10.0.0.2" };
    const results = await attempts(4, ghost, t0);
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
  });

  it("limits one address across many e-mails", async () => {
    const results = [];
    for (let i = 0; i < 7; i++) {
      results.push(
        await beginLoginAttempt(testDb.db, { email: `u${i}@example.com`, ip: "10.0.0.3" }, config, t0),
      );
    }
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, true, true, false, false]);
    const audits = await testDb.db.select().from(auditLog);
    expect(audits.map((a) => [a.entityId, (a.details as { scope: string }).scope])).toEqual([
      ["10.0.0.3", "address"],
    ]);
    // A new window later: the address is welcome again.
    expect(
      (await beginLoginAttempt(testDb.db, { email: "u9@example.com", ip: "10.0.0.3" }, config, at(16 * MIN)))
        .allowed,
    ).toBe(true);
  });

  it("lets exactly the budget through when attempts arrive at once", async () => {
    const who = { email: "burst@example.com", ip: "10.0.0.4" };
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        beginLoginAttempt(testDb.db, who, { ...config, maxPerEmail: 10, maxPerAddress: 100 }, t0),
      ),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    expect(await testDb.db.$count(auditLog)).toBe(1);
  });

  it("a successful sign-in resets the account and refunds the address, but never lifts a lock-out", async () => {
    const who = { email: "ok@example.com", ip: "10.0.0.5" };
    await attempts(2, who, t0);
    await settleLoginSuccess(testDb.db, who, t0);
    expect((await attempts(3, who, t0)).every((g) => g.allowed)).toBe(true);
    const [address] = await testDb.db
      .select()
      .from(loginThrottles)
      .where(eq(loginThrottles.scope, "address"));
    expect(address.attempts).toBe(4); // 5 charged, 1 given back

    expect((await beginLoginAttempt(testDb.db, who, config, t0)).allowed).toBe(false);
    await settleLoginSuccess(testDb.db, who, t0);
    expect((await beginLoginAttempt(testDb.db, who, config, t0)).allowed).toBe(false);
  });

  it("prunes keys that are neither locked nor remembered", async () => {
    await attempts(1, { email: "old@example.com", ip: null }, t0);
    await attempts(4, { email: "locked@example.com", ip: null }, t0);
    expect(await pruneLoginThrottles(testDb.db, config, at(2 * MIN))).toBe(0);
    expect(await pruneLoginThrottles(testDb.db, config, at(24 * 60 * MIN + 1))).toBe(1);
    expect(await pruneLoginThrottles(testDb.db, config, at(26 * 60 * MIN))).toBe(1);
  });
});

describe("loginThrottleConfig", () => {
  it("reads LOGIN_MAX_FAILURES and LOGIN_MAX_FAILURES_PER_ADDRESS, with safe defaults", () => {
    expect(loginThrottleConfig()).toMatchObject({ maxPerEmail: 10, maxPerAddress: 30 });
    vi.stubEnv("LOGIN_MAX_FAILURES", "4");
    vi.stubEnv("LOGIN_MAX_FAILURES_PER_ADDRESS", "nonsense");
    expect(loginThrottleConfig()).toMatchObject({ maxPerEmail: 4, maxPerAddress: 30 });
  });
});
