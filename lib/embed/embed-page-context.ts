import "server-only";
import { unauthorized } from "next/navigation";
import { getDb } from "@/db/client";
import type { Db } from "@/db/types";
import { verifyEmbedToken, type EmbedGrant } from "./embed-tokens";

/**
 * The guard of the embedded panel: the token in its URL is the only credential (no session cookie is read
 * or set). A missing, malformed, forged, expired or revoked token renders app/unauthorized.tsx with 401,
 * which says so and shows no data.
 */
export async function embedPageContext(token: string | undefined): Promise<{ db: Db; grant: EmbedGrant }> {
  const db = await getDb();
  const grant = await verifyEmbedToken(db, token);
  if (!grant) unauthorized();
  return { db, grant };
}
