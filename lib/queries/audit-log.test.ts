import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { useTestDatabase } from "@/testing/use-test-database";
import { writeAudit } from "@/lib/audit";
import { listAuditEntries } from "./audit-log";

const testDb = useTestDatabase();

describe("listAuditEntries", () => {
  it("lists entries whose record id is not a number (a locked-out e-mail) beside user records", async () => {
    const [user] = await testDb.db
      .insert(users)
      .values({
        email: "kim@example.com",
        normalizedEmail: "kim@example.com",
        name: "Kim",
        passwordHash: "x",
      })
      .returning();
    await writeAudit(
      testDb.db,
      { actorUserId: null },
      { action: "client.create", entityType: "user", entityId: user.id },
    );
    await writeAudit(
      testDb.db,
      { actorUserId: null, ip: "10.0.0.1" },
      {
        action: "auth.login_locked",
        entityType: "login",
        entityId: "kim@example.com",
        details: { scope: "email" },
      },
    );
    await writeAudit(
      testDb.db,
      { actorUserId: null },
      { action: "odd", entityType: "user", entityId: "12abc" },
    );

    const { entries } = await listAuditEntries(testDb.db, {});
    expect(entries.map((e) => [e.action, e.entityId, e.subject?.name ?? null])).toEqual([
      ["odd", "12abc", null],
      ["auth.login_locked", "kim@example.com", null],
      ["client.create", String(user.id), "Kim"],
    ]);
    const locked = await listAuditEntries(testDb.db, { action: "auth.login_locked" });
    expect(locked.entries).toHaveLength(1);
  });
});
