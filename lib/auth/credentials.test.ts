import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { apiKeys, users } from "@/db/schema";
import { recordStatements } from "@/db/statement-log";
import { useTestDatabase } from "@/testing/use-test-database";
import { createApiKey, findApiKey, revokeApiKey } from "./api-keys";
import { checkCredentials } from "./credentials";
import { hashPassword } from "./password";

const testDb = useTestDatabase();

beforeAll(async () => {
  const passwordHash = await hashPassword("right password");
  await testDb.db.insert(users).values([
    { email: "active@example.com", normalizedEmail: "active@example.com", name: "Active", passwordHash },
    {
      email: "gone@example.com",
      normalizedEmail: "gone@example.com",
      name: "Gone",
      passwordHash,
      status: "suspended",
    },
  ]);
});

describe("checkCredentials", () => {
  it("accepts the right password, case-insensitively on the e-mail", async () => {
    const result = await checkCredentials(" Active@Example.com ", "right password");
    expect(result).toMatchObject({ ok: true, user: { email: "active@example.com", role: "client" } });
    const [row] = await testDb.db.select().from(users).where(eq(users.email, "active@example.com"));
    expect(row.lastSignInAt).toBeInstanceOf(Date);
  });

  it("gives the same answer for a wrong password and an unknown e-mail", async () => {
    expect(await checkCredentials("active@example.com", "wrong")).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials("nobody@example.com", "right password")).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("tells a suspended user only after the right password", async () => {
    expect(await checkCredentials("gone@example.com", "wrong")).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials("gone@example.com", "right password")).toEqual({
      ok: false,
      reason: "suspended",
    });
  });
});

describe("API keys", () => {
  it("stores only a hash, finds the key by its clear text once, and stops after revocation", async () => {
    const created = await createApiKey(testDb.db, { name: "billing" });
    expect(created.key).toMatch(/^mnk_[A-Za-z0-9_-]{40,}$/);
    const [row] = await testDb.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row.keyHash).not.toContain(created.key);
    expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await findApiKey(testDb.db, created.key)).toEqual({ id: created.id, name: "billing" });
    expect(await findApiKey(testDb.db, created.key + "x")).toBeNull();
    expect(await findApiKey(testDb.db, "not-a-key")).toBeNull();
    expect(await revokeApiKey(testDb.db, created.id)).toBe(true);
    expect(await findApiKey(testDb.db, created.key)).toBeNull();
  });

  it("records its use to the minute in the same one statement, without a write per request", async () => {
    const created = await createApiKey(testDb.db, { name: "metered" });
    const lastUsed = async () =>
      (await testDb.db.select().from(apiKeys).where(eq(apiKeys.id, created.id)))[0].lastUsedAt?.toISOString();
    const t0 = new Date("2026-03-01T10:00:00Z");
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    expect(await lastUsed()).toBeUndefined();
    const { result, statements } = await recordStatements(() => findApiKey(testDb.db, created.key, t0));
    expect(result).toEqual({ id: created.id, name: "metered" });
    expect(statements).toHaveLength(1);
    expect(await lastUsed()).toBe(t0.toISOString());
    // Within the minute: found, and the stored time stays (no write).
    expect(await findApiKey(testDb.db, created.key, at(59))).toEqual({ id: created.id, name: "metered" });
    expect(await lastUsed()).toBe(t0.toISOString());
    // Past the minute: moves.
    expect(await findApiKey(testDb.db, created.key, at(61))).toEqual({ id: created.id, name: "metered" });
    expect(await lastUsed()).toBe(at(61).toISOString());
    // A revoked key is neither found nor touched.
    await revokeApiKey(testDb.db, created.id);
    expect(await findApiKey(testDb.db, created.key, at(500))).toBeNull();
    expect(await lastUsed()).toBe(at(61).toISOString());
  });
});
