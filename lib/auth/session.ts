import "server-only";
import { eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { authOptions } from "./options";

export type Role = "admin" | "client";
export type SessionUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  mustChangePassword: boolean;
};

/**
 * The signed-in user, re-read from the database on every request: a JWT alone would keep a suspended
 * client or a demoted admin in for the life of the token.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  // No session cookie (the public API's callers, integrations): nobody is signed in, and next-auth's
  // session machinery need not run for every anonymous request to say so.
  if (!(await hasSessionCookie())) return null;
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (typeof id !== "number") return null;
  return loadActiveUser(id, session?.user?.sv ?? 0);
});

/** next-auth's JWT cookie, plain or `__Secure-`, whole or split in chunks (`….0`, `….1`). */
async function hasSessionCookie(): Promise<boolean> {
  return (await cookies())
    .getAll()
    .some((c) => /^(__Secure-)?next-auth\.session-token(\.\d+)?$/.test(c.name));
}

/**
 * The user behind a session, if it is still good: the account is active and the token carries the current
 * session version (a password reset or change, a suspension or "sign out everywhere" moved it on). One
 * primary-key read, the same one that already re-checked the role and status.
 */
export async function loadActiveUser(id: number, sessionVersion: number): Promise<SessionUser | null> {
  const db = await getDb();
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      status: users.status,
      mustChangePassword: users.mustChangePassword,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!user || user.status !== "active" || user.sessionVersion !== sessionVersion) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
  };
}

export function homeFor(role: Role): string {
  return role === "admin" ? "/admin" : "/dashboard";
}

/**
 * Page guard. Anonymous → sign-in (and back here after); wrong role → the right home for admins, an
 * access-denied page for clients. Every page calls it: layouts alone are not re-run on client navigation.
 */
export async function requirePageUser(path: string, role?: Role): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (user.mustChangePassword && path !== "/account/password") {
    redirect(`/account/password?callbackUrl=${encodeURIComponent(path)}`);
  }
  if (role && user.role !== role) redirect(user.role === "admin" ? "/admin" : "/forbidden");
  return user;
}
