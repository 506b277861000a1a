import "server-only";
import { encode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { authOptions } from "./options";

/**
 * Signs a user in from a server action (right after signup), by writing the same JWT session cookie
 * next-auth's credentials flow would: next-auth v4 has no server-side signIn.
 */
export async function signInAs(user: {
  id: number;
  email: string;
  name: string;
  role: "admin" | "client";
  /** users.session_version now (0 for a new account); a session with another version is refused. */
  sessionVersion?: number;
}) {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  const maxAge = authOptions.session?.maxAge ?? 30 * 24 * 60 * 60;
  const token = await encode({
    token: {
      sub: String(user.id),
      name: user.name,
      email: user.email,
      uid: user.id,
      role: user.role,
      sv: user.sessionVersion ?? 0,
    },
    secret,
    maxAge,
  });
  const h = await headers();
  const origin = process.env.NEXTAUTH_URL ?? `${h.get("x-forwarded-proto") ?? "http"}://`;
  const secure = origin.startsWith("https://");
  (await cookies()).set(`${secure ? "__Secure-" : ""}next-auth.session-token`, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    maxAge,
  });
}

/** Drops this browser's session cookie (plain, `__Secure-`, and next-auth's chunks). */
export async function clearSessionCookie(): Promise<void> {
  const jar = await cookies();
  for (const c of jar.getAll()) {
    if (/^(__Secure-)?next-auth\.session-token(\.\d+)?$/.test(c.name)) jar.delete(c.name);
  }
}
