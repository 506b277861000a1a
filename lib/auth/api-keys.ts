import { hashBearerSecret, newBearerSecret } from "@/lib/auth/bearer-secret";
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import { apiKeys } from "@/db/schema";
import type { DbOrTx } from "@/db/types";

const KEY_PREFIX = "mnk_";

export const hashApiKey = hashBearerSecret;

/** Creates a key and returns it in clear exactly once; only its hash is stored. */
export async function createApiKey(
  db: DbOrTx,
  input: { name: string; createdByUserId?: number | null },
): Promise<{ id: number; name: string; key: string; prefix: string }> {
  const key = newBearerSecret(KEY_PREFIX);
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

// `last_used_at` is for the admin's "last used" column, not an audit trail: writing it on every request
// made each API call a write and a commit on the key's one row, so every concurrent call of an integration
// queued on that row lock. It moves at most once a minute now.
export const LAST_USED_RESOLUTION_SECONDS = 60;

/**
 * The active key matching a bearer token, or null. Records when it was last used (to the minute): one
 * statement that reads the key and writes `last_used_at` only when the stored time is older than a minute.
 */
export async function findApiKey(
  db: DbOrTx,
  token: string,
  now: Date = new Date(),
): Promise<{ id: number; name: string } | null> {
  if (!token.startsWith(KEY_PREFIX) || token.length > 200) return null;
  const at = sql`${now.toISOString()}::timestamptz`;
  const result = await db.execute(sql`
    WITH key AS (
      SELECT id, name FROM api_keys WHERE key_hash = ${hashApiKey(token)} AND revoked_at IS NULL
    ), touched AS (
      UPDATE api_keys a SET last_used_at = ${at}
        FROM key
       WHERE a.id = key.id AND a.revoked_at IS NULL
         AND (a.last_used_at IS NULL
              OR a.last_used_at < ${at} - ${LAST_USED_RESOLUTION_SECONDS} * interval '1 second')
    )
    SELECT id, name FROM key`);
  const [row] = rowsAs(result, z.object({ id: col.int, name: z.string() }));
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
