import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { checkPasswordStrength } from "@/lib/auth/password-strength";
import { DomainError } from "@/lib/errors";

/**
 * Replaces a password after checking the current one; clears the "must change" flag of temp passwords and
 * moves the session version on, which ends every session of the account. Returns the new version so the
 * caller can re-issue its own session and stay signed in.
 */
export async function changePassword(
  db: DbOrTx,
  input: { userId: number; currentPassword: string; newPassword: string },
): Promise<{ sessionVersion: number }> {
  const [user] = await db
    .select({ passwordHash: users.passwordHash, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, input.userId))
    .limit(1);
  if (!user) throw new DomainError("not_found", "Account not found", { status: 404 });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError("wrong_password", "Your current password is not correct", {
      field: "currentPassword",
    });
  }
  const strength = checkPasswordStrength(input.newPassword, user);
  if (!strength.ok) {
    throw new DomainError("weak_password", strength.message ?? "Choose a password that is harder to guess", {
      field: "newPassword",
    });
  }
  const [updated] = await db
    .update(users)
    .set({
      passwordHash: await hashPassword(input.newPassword),
      mustChangePassword: false,
      sessionVersion: sql`${users.sessionVersion} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(users.id, input.userId))
    .returning({ sessionVersion: users.sessionVersion });
  return { sessionVersion: updated.sessionVersion };
}
