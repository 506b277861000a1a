import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    role: "admin" | "client";
    mustChangePassword?: boolean;
    sessionVersion?: number;
  }
  interface Session {
    user?: { id: number; name?: string | null; email?: string | null; role: "admin" | "client"; sv?: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: number;
    role: "admin" | "client";
    mustChangePassword?: boolean;
    /** users.session_version when the token was issued; absent on tokens from before it existed (= 0). */
    sv?: number;
  }
}
