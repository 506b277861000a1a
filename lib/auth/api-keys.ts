import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { apiKeys } from "@/db/schema";
import type { DbOrTx } from "@/db/types";

const KEY_PREFIX = "mnk_";

export function hashApiKey(key: string): string {
  // Keys are 32 random bytes, so a fast hash is enough: there is nothing to brute-force.
  return createHash("sha256").update(key).digest("hex");
}

/** Creates a key and returns it in clear exactly once; only its hash is stored. */
export async function createApiKey(
  db: DbOrTx,
  input: { name: string; createdByUserId?: number | null },
): Promise<{ id: number; name: string; key: string; prefix: string }> {
  const key = KEY_PREFIX + randomBytes(32).toString("base64url");
  const prefix = key.slice(0, KEY_PREFIX.length + 6);
  const [row] = await db
    .insert(apiKeys)
    .values({
      name: input.name,
      prefix,
      keyHash: hashApiKey(key),
      createdByUserId: input.createdByUserId ?? null,
    })
    .returning({ id: apiKeys.id });
  return { id: row.id, name: input.name, key, prefix };
}

/** The active key matching a bearer token, or null. Records when it was last used. */
export async function findApiKey(db: DbOrTx, token: string): Promise<{ id: number; name: string } | null> {
  if (!token.startsWith(KEY_PREFIX) || token.length > 200) return null;
  const [row] = await db
    .update(apiKeys)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiKeys.keyHash, hashApiKey(token)), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, name: apiKeys.name });
  return row ?? null;
}

export async function revokeApiKey(db: DbOrTx, id: number): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}
