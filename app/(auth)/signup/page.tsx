import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { Card, CardBody } from "@/components/ui/card";
import { getSessionUser, homeFor } from "@/lib/auth/session";
import { REFERRAL_COOKIE } from "@/lib/request-fingerprint";
import { SignupForm } from "./signup-form";

export const metadata: Metadata = { title: "Create your account" };
export const dynamic = "force-dynamic";

export default async function SignupPage({
  searchParams,
}: {
  searchParams: Promise<{ ref?: string | string[] }>;
}) {
  const user = await getSessionUser();
  if (user) redirect(homeFor(user.role));
  const { ref } = await searchParams;
  const fromQuery = typeof ref === "string" ? ref.slice(0, 40) : undefined;
  const initialCode = fromQuery ?? (await cookies()).get(REFERRAL_COOKIE)?.value ?? "";

  return (
    <div className="mx-auto grid w-full max-w-5xl gap-10 px-4 py-10 sm:px-6 lg:grid-cols-[1fr_28rem] lg:py-16">
      <div className="lg:pt-6">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Join MuseNest</p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight text-ink-900 sm:text-4xl">
          Create your account
        </h1>
        <p className="mt-4 max-w-md text-ink-600">
          Start with a 7-day free trial. Your own referral code and invite link are ready the moment you sign
          up.
        </p>
        <ul className="mt-6 space-y-2 text-sm text-ink-700">
          <li>✓ Invited by someone? Their code is filled in for you.</li>
          <li>✓ You get +20 points when you join with a code.</li>
          <li>✓ Earn 10% of every client you bring, paid out monthly.</li>
        </ul>
      </div>
      <Card>
        <CardBody className="px-6 py-6">
          <SignupForm initialCode={initialCode} />
          <p className="mt-6 text-center text-sm text-ink-600">
            Already have an account?{" "}
            <Link href="/login" className="font-medium text-brand-700 hover:underline">
              Sign in
            </Link>
          </p>
        </CardBody>
      </Card>
    </div>
  );
}
