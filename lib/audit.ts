import { auditLog } from "@/db/schema";
import type { DbOrTx } from "@/db/types";

export type AuditActor = { actorUserId: number | null; actorApiKeyId?: number | null; ip?: string | null };

/**
 * Records who did what to which record. Call it with the same transaction handle as the change itself,
 * so an action and its audit row commit (or roll back) together.
 */
export async function writeAudit(
  db: DbOrTx,
  actor: AuditActor,
  entry: {
    action: string;
    entityType: string;
    entityId?: string | number | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await db.insert(auditLog).values({
    actorUserId: actor.actorUserId,
    actorApiKeyId: actor.actorApiKeyId ?? null,
    ip: actor.ip ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    details: entry.details ?? null,
  });
}
