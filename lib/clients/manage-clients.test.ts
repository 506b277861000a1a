import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "@/db/schema";
import { useTestDatabase } from "@/testing/use-test-database";
import { findApiKey } from "@/lib/auth/api-keys";
import { checkCredentials } from "@/lib/auth/credentials";
import { issueApiKey, withdrawApiKey } from "@/lib/auth/manage-api-keys";
import { DomainError } from "@/lib/errors";
import { getClientDetail, listClients } from "@/lib/queries/admin-clients";
import { listAuditEntries } from "@/lib/queries/audit-log";
import { checkCode } from "@/lib/referrals/validate-code";
import { adminCreateClientSchema, clientListSearchSchema } from "@/lib/validation/clients";
import { auditLogSearchSchema } from "@/lib/validation/audit-log";
import { createClient } from "./create-client";
import { setClientStatus } from "./set-client-status";

const testDb = useTestDatabase();
let adminId = 0;
const actor = () => ({ actorUserId: adminId, ip: "203.0.113.9" });
const ctx = () => ({ actor: actor(), ip: "203.0.113.9", userAgent: "vitest", via: "admin" as const });

beforeAll(async () => {
  const [admin] = await testDb.db
    .insert(users)
    .values({
      email: "boss@example.com",
      normalizedEmail: "boss@example.com",
      name: "Boss",
      passwordHash: "x",
      role: "admin",
    })
    .returning({ id: users.id });
  adminId = admin.id;
});

const form = (fields: Record<string, string>) => adminCreateClientSchema.parse(fields);

describe("an admin creates a client", () => {
  it("through the signup, with a one-time password and its audit row in the same transaction", async () => {
    const result = await createClient(
      testDb.db,
      form({
        name: "Dana Scully",
        email: "Dana@Example.com",
        business_type: "studio",
        trial_days: "14",
        phone: "",
      }),
      ctx(),
    );
    expect(result.tempPassword).toMatch(/^\S{10,}$/);
    expect(result.user).toMatchObject({ email: "dana@example.com", role: "client" });
    const login = await checkCredentials("dana@example.com", result.tempPassword!);
    expect(login).toMatchObject({ ok: true, mustChangePassword: true });
    const audits = await testDb.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(result.user.id)));
    expect(audits).toEqual([
      expect.objectContaining({
        action: "client.create",
        entityType: "user",
        actorUserId: adminId,
        ip: "203.0.113.9",
      }),
    ]);
    expect(audits[0].details).toMatchObject({ email: "dana@example.com", via: "admin", referralCode: null });
  });

  it("refuses a taken e-mail and leaves no audit row behind", async () => {
    const before = (await testDb.db.select().from(auditLog)).length;
    await expect(
      createClient(
        testDb.db,
        form({ name: "Again", email: "dana@example.com", business_type: "studio" }),
        ctx(),
      ),
    ).rejects.toMatchObject({ code: "email_taken", field: "email" });
    expect((await testDb.db.select().from(auditLog)).length).toBe(before);
  });

  it("reads the form's strings with the API's rules", () => {
    expect(
      adminCreateClientSchema.safeParse({
        name: "X",
        email: "x@example.com",
        business_type: "creator",
        trial_days: "400",
      }).success,
    ).toBe(false);
    expect(
      form({ name: "X", email: "x@example.com", business_type: "creator", subscription_tier_id: "" }),
    ).toMatchObject({
      trial_days: 7,
      status: "active",
      subscription_tier_id: undefined,
    });
  });
});

describe("suspend and reactivate", () => {
  it("a suspended client cannot sign in and their codes stop validating; reactivating restores both", async () => {
    const created = await createClient(
      testDb.db,
      form({ name: "Fox Mulder", email: "fox@example.com", business_type: "creator" }),
      ctx(),
    );
    const code = created.ownCode.code;
    expect((await checkCode(testDb.db, code)).valid).toBe(true);

    const suspended = await setClientStatus(
      testDb.db,
      { clientId: created.user.id, status: "suspended" },
      actor(),
    );
    expect(suspended).toMatchObject({ status: "suspended", changed: true });
    expect(await checkCredentials("fox@example.com", created.tempPassword!)).toEqual({
      ok: false,
      reason: "suspended",
    });
    expect(await checkCode(testDb.db, code)).toMatchObject({ valid: false, reason: "not_found" });
    expect(
      await setClientStatus(testDb.db, { clientId: created.user.id, status: "suspended" }, actor()),
    ).toMatchObject({
      changed: false,
    });

    await setClientStatus(testDb.db, { clientId: created.user.id, status: "active" }, actor());
    expect(await checkCredentials("fox@example.com", created.tempPassword!)).toMatchObject({ ok: true });
    expect((await checkCode(testDb.db, code)).valid).toBe(true);

    const { entries } = await listAuditEntries(
      testDb.db,
      auditLogSearchSchema.parse({ entity_type: "user", entity_id: String(created.user.id) }),
    );
    expect(entries.map((e) => e.action)).toEqual(["client.reactivate", "client.suspend", "client.create"]);
    expect(entries[0]).toMatchObject({
      actor: { kind: "user", id: adminId, name: "Boss" },
      subject: { name: "Fox Mulder", role: "client" },
      details: { from: "suspended", to: "active" },
    });
  });

  it("does not manage admins or unknown ids", async () => {
    await expect(
      setClientStatus(testDb.db, { clientId: adminId, status: "suspended" }, actor()),
    ).rejects.toBeInstanceOf(DomainError);
    await expect(
      setClientStatus(testDb.db, { clientId: 999_999, status: "suspended" }, actor()),
    ).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe("client list and detail", () => {
  it("searches by name, e-mail, account number or code and pages by keyset", async () => {
    for (let i = 0; i < 30; i++) {
      await createClient(
        testDb.db,
        form({ name: `Bulk Client ${i}`, email: `bulk${i}@example.com`, business_type: "coach" }),
        ctx(),
      );
    }
    const first = await listClients(testDb.db, clientListSearchSchema.parse({ q: "bulk" }));
    expect(first.clients).toHaveLength(25);
    expect(first.nextAfter).not.toBeNull();
    const second = await listClients(
      testDb.db,
      clientListSearchSchema.parse({ q: "bulk", after: String(first.nextAfter) }),
    );
    expect(second.clients).toHaveLength(5);
    expect(second.nextAfter).toBeNull();
    const ids = [...first.clients, ...second.clients].map((c) => c.id);
    expect(new Set(ids).size).toBe(30);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const dana = (await listClients(testDb.db, clientListSearchSchema.parse({ q: "DANA@" }))).clients;
    expect(dana.map((c) => c.email)).toEqual(["dana@example.com"]);
    const byAccount = (
      await listClients(testDb.db, clientListSearchSchema.parse({ q: dana[0].accountNumber! }))
    ).clients;
    expect(byAccount.map((c) => c.id)).toEqual([dana[0].id]);
    const detail = await getClientDetail(testDb.db, dana[0].id);
    const byCode = (
      await listClients(testDb.db, clientListSearchSchema.parse({ q: detail!.codes[0].code.toLowerCase() }))
    ).clients;
    expect(byCode.map((c) => c.id)).toContain(dana[0].id);
    expect(detail).toMatchObject({
      name: "Dana Scully",
      status: "active",
      mustChangePassword: true,
      referredBy: null,
    });
    expect(await getClientDetail(testDb.db, adminId)).toBeNull();
    const suspendedOnly = await listClients(testDb.db, clientListSearchSchema.parse({ status: "suspended" }));
    expect(suspendedOnly.clients).toEqual([]);
    expect(clientListSearchSchema.parse({ status: "bogus", after: "-3" })).toMatchObject({
      status: "all",
      after: undefined,
    });
  });
});

describe("API keys", () => {
  it("are shown once, revoked at once, and both are audited", async () => {
    const key = await issueApiKey(testDb.db, "Billing system", actor());
    expect(key.key.startsWith(key.prefix)).toBe(true);
    expect(await findApiKey(testDb.db, key.key)).toMatchObject({ id: key.id });
    await withdrawApiKey(testDb.db, key.id, actor());
    expect(await findApiKey(testDb.db, key.key)).toBeNull();
    await expect(withdrawApiKey(testDb.db, key.id, actor())).rejects.toMatchObject({ status: 404 });
    const { entries } = await listAuditEntries(
      testDb.db,
      auditLogSearchSchema.parse({ entity_type: "api_key" }),
    );
    expect(entries.map((e) => [e.action, e.entityId])).toEqual([
      ["api_key.revoke", String(key.id)],
      ["api_key.create", String(key.id)],
    ]);
    const byActor = await listAuditEntries(
      testDb.db,
      auditLogSearchSchema.parse({ actor: "boss", action: "api_key.create" }),
    );
    expect(byActor.entries).toHaveLength(1);
    const none = await listAuditEntries(testDb.db, auditLogSearchSchema.parse({ start_date: "2099-01-01" }));
    expect(none.entries).toEqual([]);
  });
});
