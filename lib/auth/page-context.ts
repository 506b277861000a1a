import "server-only";
import { getDb, getReadDb } from "@/db/client";
import type { Db } from "@/db/types";
import { getSessionUser, requirePageUser, type Role, type SessionUser } from "./session";

/**
 * What a page guard hands its page: the database, the read database (the replica when there is one, for
 * heavy reads that may lag a moment; see `getReadDb`) and the signed-in user it let through.
 */
export type PageContext = { db: Db; readDb: Db; user: SessionUser };

/**
 * The guard of a signed-in page (see `requirePageUser`: anonymous → sign-in, wrong role → elsewhere), which
 * also hands the page its database, so no page opens it itself.
 */
export async function pageContext(path: string, role?: Role): Promise<PageContext> {
  const user = await requirePageUser(path, role);
  const [db, readDb] = await Promise.all([getDb(), getReadDb()]);
  return { db, readDb, user };
}

/** For pages anyone may see (landing, sign-up): the database and the signed-in user, if any. */
export async function publicPageContext(): Promise<{ db: Db; user: SessionUser | null }> {
  const [db, user] = await Promise.all([getDb(), getSessionUser()]);
  return { db, user };
}
