import type { Metadata } from "next";
import { Card, CardBody } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/safe-redirect";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "Change password" };
export const dynamic = "force-dynamic";

export default async function ChangePasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const user = await requirePageUser("/account/password");
  const { callbackUrl } = await searchParams;
  return (
    <div className="mx-auto w-full max-w-md px-4 py-12">
      <h1 className="text-2xl font-semibold tracking-tight text-ink-900">Change your password</h1>
      <p className="mt-2 mb-6 text-sm text-ink-600">
        {user.mustChangePassword
          ? "Your account was created with a temporary password. Choose your own to continue."
          : "Choose a new password for your account."}
      </p>
      <Card>
        <CardBody className="px-6 py-6">
          <PasswordForm
            callbackUrl={safeCallbackUrl(callbackUrl)}
            owner={{ name: user.name, email: user.email }}
          />
        </CardBody>
      </Card>
    </div>
  );
}
