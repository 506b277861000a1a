import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { accountEmail } from "@/lib/referrals/normalize-email";
import { burnPasswordCheck, verifyPassword } from "./password";

export type SignedInUser = { id: number; email: string; name: string; role: "admin" | "client" };

export type CredentialsResult =
  | { ok: true; user: SignedInUser; mustChangePassword: boolean; sessionVersion: number }
  | { ok: false; reason: "invalid" | "suspended" };

/**
 * Checks an e-mail and password. Unknown e-mail and wrong password give the same answer after the same
 * work, so the sign-in form cannot be used to find out who has an account.
 */
export async function checkCredentials(email: string, password: string): Promise<CredentialsResult> {
  const db = await getDb();
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, accountEmail(email)))
    .limit(1);
  if (!user) {
    await burnPasswordCheck(password);
    return { ok: false, reason: "invalid" };
  }
  if (!(await verifyPassword(user.passwordHash, password))) return { ok: false, reason: "invalid" };
  // Suspension is revealed only to someone who knows the password.
  if (user.status !== "active") return { ok: false, reason: "suspended" };
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    mustChangePassword: user.mustChangePassword,
    sessionVersion: user.sessionVersion,
  };
}
