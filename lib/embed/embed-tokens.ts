import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import { embedTokens, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { hashBearerSecret, newBearerSecret } from "@/lib/auth/bearer-secret";
import { DomainError, notFound } from "@/lib/errors";
import { nowAndThen } from "@/lib/housekeeping";
import { requireActiveClient } from "@/lib/referrals/find-client";
import { EMBED_TOKEN_MAX_TTL_SECONDS } from "@/lib/validation/embed";

// Embed tokens (issue 16 part 3) let an integration frame one client's referral panel without a second
// login. A token opens /embed/referrals and its create-a-code action, nothing else: it is not an API key
// (different prefix, different table), so route() and the session checks never accept it.

export const EMBED_TOKEN_PREFIX = "emt_";

export const hashEmbedToken = hashBearerSecret;

export type IssuedEmbedToken = { id: number; userId: number; token: string; expiresAt: Date };

/** Creates a token for one active client and returns it in clear exactly once; only its hash is stored. */
export async function issueEmbedToken(
  db: DbOrTx,
  input: { userId?: number; email?: string; ttlSeconds: number; apiKeyId: number | null },
  now: Date = new Date(),
): Promise<IssuedEmbedToken> {
  // Defence in depth: the schema bounds it too, but no caller may mint a longer-lived token.
  const ttl = Math.min(Math.max(1, Math.floor(input.ttlSeconds)), EMBED_TOKEN_MAX_TTL_SECONDS);
  const userId = input.userId ?? (await clientIdByEmail(db, input.email));
  await requireActiveClient(db, userId);
  const token = newBearerSecret(EMBED_TOKEN_PREFIX);
  const expiresAt = new Date(now.getTime() + ttl * 1000);
  const [row] = await db
    .insert(embedTokens)
    .values({ userId, tokenHash: hashEmbedToken(token), expiresAt, createdByApiKeyId: input.apiKeyId })
    .returning({ id: embedTokens.id });
  // One row per panel view: expired ones are cleared now and then, so the table stays small.
  await nowAndThen("embed-token prune", PRUNE_EVERY_MS, () => pruneEmbedTokens(db, now));
  return { id: row.id, userId, token, expiresAt };
}

const PRUNE_EVERY_MS = 10 * 60_000;
/** Expired tokens are kept a day (what opened which panel, for support), then deleted. */
export const EMBED_TOKEN_KEEP_EXPIRED_MS = 24 * 3600_000;

/** Deletes up to 5,000 tokens that expired more than a day ago; how many. */
export async function pruneEmbedTokens(db: DbOrTx, now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - EMBED_TOKEN_KEEP_EXPIRED_MS).toISOString();
  const rows = await db.execute(sql`
    DELETE FROM embed_tokens WHERE id IN (
      SELECT id FROM embed_tokens WHERE expires_at < ${before}::timestamptz LIMIT 5000)
    RETURNING id`);
  return rowsAs(rows, z.object({ id: col.int })).length;
}

async function clientIdByEmail(db: DbOrTx, email: string | undefined): Promise<number> {
  if (!email) throw new DomainError("invalid_request", "Send exactly one of user_id and email");
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), eq(users.role, "client")))
    .limit(1);
  if (!row) throw notFound("Client");
  return row.id;
}

export type EmbedGrant = { tokenId: number; userId: number; name: string; expiresAt: Date };

/**
 * The client a token opens the panel for, or null when it is malformed, forged, expired, revoked, or its
 * client is no longer an active client. One indexed look-up by hash.
 */
export async function verifyEmbedToken(
  db: DbOrTx,
  token: string | null | undefined,
  now: Date = new Date(),
): Promise<EmbedGrant | null> {
  if (!token || !token.startsWith(EMBED_TOKEN_PREFIX) || token.length > 100) return null;
  const [row] = await db
    .select({
      tokenId: embedTokens.id,
      userId: embedTokens.userId,
      name: users.name,
      expiresAt: embedTokens.expiresAt,
    })
    .from(embedTokens)
    .innerJoin(users, eq(users.id, embedTokens.userId))
    .where(
      and(
        eq(embedTokens.tokenHash, hashEmbedToken(token)),
        isNull(embedTokens.revokedAt),
        gt(embedTokens.expiresAt, now),
        eq(users.role, "client"),
        eq(users.status, "active"),
      ),
    )
    .limit(1);
  return row ?? null;
}

export const invalidEmbedToken = () =>
  new DomainError(
    "embed_token_invalid",
    "This referral panel has expired or is no longer valid. Reload the page to open it again.",
    { status: 401 },
  );

/** verifyEmbedToken for entry points that must stop on a bad token (the panel's own action). */
export async function requireEmbedGrant(db: DbOrTx, token: string, now: Date = new Date()) {
  const grant = await verifyEmbedToken(db, token, now);
  if (!grant) throw invalidEmbedToken();
  return grant;
}

/** Revokes one token; false when there is no such live token. */
export async function revokeEmbedToken(db: DbOrTx, id: number, now: Date = new Date()): Promise<boolean> {
  const rows = await db
    .update(embedTokens)
    .set({ revokedAt: now })
    .where(and(eq(embedTokens.id, id), isNull(embedTokens.revokedAt)))
    .returning({ id: embedTokens.id });
  return rows.length > 0;
}

/** Revokes every token of one client that could still open the panel (e.g. on sign-out); how many. */
export async function revokeEmbedTokensForUser(
  db: DbOrTx,
  userId: number,
  now: Date = new Date(),
): Promise<number> {
  await requireClientExists(db, userId);
  const rows = await db
    .update(embedTokens)
    .set({ revokedAt: now })
    .where(
      and(
        eq(embedTokens.userId, userId),
        isNull(embedTokens.revokedAt),
        gt(embedTokens.expiresAt, sql`${now.toISOString()}::timestamptz`),
      ),
    )
    .returning({ id: embedTokens.id });
  return rows.length;
}

async function requireClientExists(db: DbOrTx, userId: number) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.role, "client")))
    .limit(1);
  if (!row) throw notFound("Client");
}
