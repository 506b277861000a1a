import "server-only";
import { desc, eq } from "drizzle-orm";
import { apiKeys, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";

export type ApiKeyListItem = {
  id: number;
  name: string;
  prefix: string;
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** Every API key, newest first: name, visible prefix, who made it, last use, revoked or not. Never the hash. */
export async function listApiKeys(db: DbOrTx): Promise<ApiKeyListItem[]> {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      createdBy: users.name,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdByUserId))
    .orderBy(desc(apiKeys.id))
    .limit(500);
}
