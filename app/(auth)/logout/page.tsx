import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { getSessionUser, homeFor } from "@/lib/auth/session";
import { SignOutButton } from "./sign-out-button";

export const metadata: Metadata = { title: "Sign out" };

export default async function LogoutPage() {
  const user = await getSessionUser();
  if (!user) redirect("/login");

  return (
    <div className="mx-auto w-full max-w-md px-4 py-12 sm:py-16">
      <Card>
        <CardHeader className="px-6 py-5">
          <CardTitle as="h1" className="text-xl">
            Sign out of MuseNest?
          </CardTitle>
          <CardDescription>
            You are signed in as <span className="font-medium text-ink-800">{user.email}</span>.
          </CardDescription>
        </CardHeader>
        <CardBody className="px-6 text-sm text-ink-600">
          Your referral links keep working while you are away; clicks, signups and commissions are tracked as
          usual.
        </CardBody>
        <CardFooter className="flex-col-reverse items-stretch px-6 py-4 sm:flex-row sm:items-center">
          <ButtonLink href={homeFor(user.role)} variant="ghost">
            Cancel
          </ButtonLink>
          <SignOutButton />
        </CardFooter>
      </Card>
    </div>
  );
}
