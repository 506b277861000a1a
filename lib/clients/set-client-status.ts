import { and, eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Db } from "@/db/types";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { DomainError, notFound } from "@/lib/errors";

export type ClientStatusChange = { clientId: number; status: "active" | "suspended" };

/**
 * Suspends or reactivates a client, with its audit row, in one transaction. A suspended client cannot
 * sign in (checkCredentials and every session re-read refuse a non-active user) and their codes stop
 * validating (checkCode treats a non-active owner as not found). Admin accounts are not managed here.
 */
export async function setClientStatus(
  db: Db,
  change: ClientStatusChange,
  actor: AuditActor,
  now = new Date(),
): Promise<{ id: number; name: string; status: "active" | "suspended"; changed: boolean }> {
  return db.transaction(async (tx) => {
    const [client] = await tx
      .select({ id: users.id, name: users.name, status: users.status })
      .from(users)
      .where(and(eq(users.id, change.clientId), eq(users.role, "client")))
      .for("update");
    if (!client) throw notFound("Client");
    if (client.status === change.status) {
      return { id: client.id, name: client.name, status: change.status, changed: false };
    }
    if (change.status === "active" && client.status !== "suspended") {
      throw new DomainError("not_suspended", "Only a suspended client can be reactivated here", {
        status: 409,
      });
    }
    // Suspending also moves the session version on: the client's sessions end now and stay ended after a
    // reactivation (the status check alone would let them back in).
    const sessionVersion =
      change.status === "suspended" ? sql`${users.sessionVersion} + 1` : sql`${users.sessionVersion}`;
    await tx
      .update(users)
      .set({ status: change.status, sessionVersion, updatedAt: now })
      .where(eq(users.id, client.id));
    await writeAudit(tx, actor, {
      action: change.status === "suspended" ? "client.suspend" : "client.reactivate",
      entityType: "user",
      entityId: client.id,
      details: { from: client.status, to: change.status },
    });
    return { id: client.id, name: client.name, status: change.status, changed: true };
  });
}
