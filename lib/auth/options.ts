import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { sameSiteRedirect } from "@/lib/safe-redirect";
import { credentialsSchema } from "@/lib/validation/auth";
import { checkCredentials } from "./credentials";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login", signOut: "/logout", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await checkCredentials(parsed.data.email, parsed.data.password);
        if (!result.ok) {
          if (result.reason === "suspended") throw new Error("AccountSuspended");
          return null;
        }
        return {
          id: String(result.user.id),
          email: result.user.email,
          name: result.user.name,
          role: result.user.role,
          mustChangePassword: result.mustChangePassword,
          sessionVersion: result.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    // Same-site and relative: never an open redirect, never built from the Host a request claimed.
    async redirect({ url }) {
      return sameSiteRedirect(url);
    },
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.mustChangePassword = user.mustChangePassword;
        // Compared with users.session_version on every request (lib/auth/session.ts).
        token.sv = user.sessionVersion ?? 0;
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user) {
        session.user.id = token.uid;
        session.user.role = token.role;
        session.user.sv = token.sv ?? 0;
      }
      return session;
    },
  },
};
