import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, CardBody } from "@/components/ui/card";
import { getSessionUser, homeFor } from "@/lib/auth/session";
import { LoginForm } from "./login-form";
import { signInErrorMessage } from "./messages";

export const metadata: Metadata = { title: "Sign in" };

type LoginPageProps = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const user = await getSessionUser();
  if (user) redirect(homeFor(user.role));

  const params = await searchParams;
  const email = single(params.email)?.trim().slice(0, 254) ?? "";
  const callbackUrl = single(params.callbackUrl) ?? null;
  const error = signInErrorMessage(single(params.error));
  const signedOut = single(params.signedOut) === "1";
  const notice = signedOut
    ? "You have been signed out."
    : single(params.signedOut) === "everywhere"
      ? "You have been signed out on every device."
      : single(params.reset) === "1"
        ? "Your password has been changed. Sign in with the new one."
        : null;

  return (
    <div className="mx-auto flex w-full max-w-md flex-col px-4 py-12 sm:py-16">
      <div className="mb-6 text-center">
        <h1 className="text-2xl font-semibold tracking-tight text-ink-950">Sign in to MuseNest</h1>
        <p className="mt-1.5 text-sm text-ink-600">Track your referrals, commissions and rewards.</p>
      </div>

      {notice && !error ? (
        <p
          role="status"
          className="mb-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-800"
        >
          {notice}
        </p>
      ) : null}

      <Card>
        <CardBody className="px-6 py-6 sm:px-8 sm:py-8">
          <LoginForm defaultEmail={email} callbackUrl={callbackUrl} initialError={error} />
        </CardBody>
      </Card>
    </div>
  );
}
