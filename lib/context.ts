import "server-only";
import { getDb, getReadDb } from "@/db/client";
import type { Db } from "@/db/types";
import type { AuditActor } from "@/lib/audit";
import { actorOf, type Principal } from "@/lib/auth/principal";

// Entry points (pages, actions, route handlers) get the database from their wrapper as this type and
// never import db/ themselves: the lint rule on app/ and components/ holds them to it.
export type { Db, DbOrTx } from "@/db/types";

/** What every wrapper hands its entry point: the database and who is acting (for audit rows). */
export type EntryContext<P> = {
  /** The primary: every write, and every read that must see the caller's own last write. */
  db: Db;
  /**
   * Heavy read-only paths that may lag a moment (reports, charts, the export, analytics, the leaderboard):
   * the read replica when DATABASE_REPLICA_URL is set, else the primary.
   */
  readDb: Db;
  principal: P;
  /** The audit actor of this request: the signed-in user or API key, and the client's address. */
  actor: AuditActor;
  ip: string | null;
  userAgent: string | null;
};

/** Builds the context once, in the wrapper, so no entry point assembles an audit actor by hand. */
export async function entryContext<P extends Principal>(
  principal: P,
  request: { ip: string | null; userAgent: string | null },
): Promise<EntryContext<P>> {
  const [db, readDb] = await Promise.all([getDb(), getReadDb()]);
  return {
    db,
    readDb,
    principal,
    actor: { ...actorOf(principal), ip: request.ip },
    ip: request.ip,
    userAgent: request.userAgent,
  };
}
