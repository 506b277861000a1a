import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { EmailChangeForm } from "./email-change-form";
import { SignOutEverywhereForm } from "./sign-out-everywhere-form";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  return (
    <div className="page-container">
      <div className="flex max-w-2xl flex-col gap-6">
        <PageHeader title="Your account" description={`Signed in as ${user.name} (${user.email}).`} />

        <Card>
          <CardHeader>
            <CardTitle>Password</CardTitle>
            <CardDescription>
              Changing it signs you out on your other devices; this one stays signed in.
            </CardDescription>
          </CardHeader>
          <CardBody>
            <ButtonLink href="/account/password" variant="secondary">
              Change password
            </ButtonLink>
          </CardBody>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>E-mail address</CardTitle>
            <CardDescription>
              You sign in with <span className="font-medium text-ink-700">{user.email}</span>. To change it,
              we send a link to the new address; the old one is told when the change is done.
            </CardDescription>
          </CardHeader>
          <CardBody>
            <EmailChangeForm />
          </CardBody>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>E-mail notifications</CardTitle>
            <CardDescription>
              Choose which messages we send you: new referrals, approved commissions, payouts, the monthly
              summary and more.
            </CardDescription>
          </CardHeader>
          <CardBody>
            <ButtonLink href="/account/notifications" variant="secondary">
              Notification settings
            </ButtonLink>
          </CardBody>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Sessions</CardTitle>
            <CardDescription>
              Signed in on a computer you no longer use, or lost a phone? Sign out on every device, this one
              included.
            </CardDescription>
          </CardHeader>
          <CardBody>
            <SignOutEverywhereForm />
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
