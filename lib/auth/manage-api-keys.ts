import type { Db } from "@/db/types";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { notFound } from "@/lib/errors";
import { createApiKey, revokeApiKey } from "./api-keys";

/** Creates a key for an admin, audited in the same transaction; the clear key is returned this once. */
export async function issueApiKey(db: Db, name: string, actor: AuditActor) {
  return db.transaction(async (tx) => {
    const key = await createApiKey(tx, { name, createdByUserId: actor.actorUserId });
    await writeAudit(tx, actor, {
      action: "api_key.create",
      entityType: "api_key",
      entityId: key.id,
      details: { name: key.name, prefix: key.prefix },
    });
    return key;
  });
}

/** Revokes a key (it stops authenticating at once), audited in the same transaction. */
export async function withdrawApiKey(db: Db, keyId: number, actor: AuditActor): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await revokeApiKey(tx, keyId))) throw notFound("Active API key");
    await writeAudit(tx, actor, { action: "api_key.revoke", entityType: "api_key", entityId: keyId });
  });
}
