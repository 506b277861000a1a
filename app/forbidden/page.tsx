import type { Metadata } from "next";
import { AccessDenied } from "@/components/ui/access-denied";
import { getSessionUser, homeFor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "No access" };
export const dynamic = "force-dynamic";

export default async function ForbiddenPage() {
  const user = await getSessionUser();
  return user ? (
    <AccessDenied homeHref={homeFor(user.role)} homeLabel="Back to your dashboard" />
  ) : (
    <AccessDenied homeHref="/login" homeLabel="Sign in" />
  );
}
