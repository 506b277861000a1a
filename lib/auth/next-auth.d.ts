import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    role: "admin" | "client";
    mustChangePassword?: boolean;
  }
  interface Session {
    user?: { id: number; name?: string | null; email?: string | null; role: "admin" | "client" };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: number;
    role: "admin" | "client";
    mustChangePassword?: boolean;
  }
}
