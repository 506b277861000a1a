import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { verifyPassword } from "@/lib/auth/password";
import { DomainError } from "@/lib/errors";

/**
 * Ends every session of `userId`: each token carries the version it was issued with, and the per-request
 * user read (lib/auth/session.ts) refuses a token whose version is not the row's. Returns the new version,
 * for a caller that re-issues its own session so it stays signed in.
 */
export async function bumpSessionVersion(tx: DbOrTx, userId: number): Promise<number> {
  const [row] = await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  return row?.sessionVersion ?? 0;
}

/** "Sign out everywhere", after checking the password: ends every session of the account, the caller's too. */
export async function signOutEverywhere(
  db: DbOrTx,
  input: { userId: number; currentPassword: string },
): Promise<void> {
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, input.userId))
    .limit(1);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError("wrong_password", "Your current password is not correct", {
      field: "currentPassword",
    });
  }
  await bumpSessionVersion(db, input.userId);
}
