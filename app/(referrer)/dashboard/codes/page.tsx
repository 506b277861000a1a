import type { Metadata } from "next";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CardEmptyState } from "@/components/ui/card-list";
import { appOrigin } from "@/lib/app-url";
import { pageContext } from "@/lib/auth/page-context";
import { loadDashboardCodes } from "@/lib/queries/dashboard";
import { offerText } from "@/lib/sharing/offer-text";
import { CodesTable } from "../codes-table";
import { CreateCodeForm } from "../create-code-form";
import { DashboardHeader } from "../dashboard-header";
import { EmailInvitesCard } from "../email-invites-card";
import { PerCodeCard } from "../per-code-card";

export const metadata: Metadata = { title: "Codes & sharing" };
export const dynamic = "force-dynamic";

/** Every code with its share links and QR code, e-mail invites, a new code, and how each code performs. */
export default async function DashboardCodesPage() {
  const { db, user } = await pageContext("/dashboard/codes", "client");
  const now = new Date();
  const [data, origin] = await Promise.all([loadDashboardCodes(db, user, { now }), appOrigin()]);

  return (
    <div className="page-container">
      <DashboardHeader
        title="Codes & sharing"
        description="Copy a link, send it in one tap, show the QR code, or invite people by e-mail."
      />

      <Card className="mb-8" role="region" aria-labelledby="your-codes">
        <CardHeader>
          <CardTitle id="your-codes">Your referral codes</CardTitle>
          <CardDescription>Open “Share” under a code for its channels and QR code.</CardDescription>
        </CardHeader>
        {data.codes.length ? (
          <CodesTable
            codes={data.codes}
            origin={origin}
            now={now}
            referrer={{ id: user.id, name: user.name }}
            offer={offerText(data.newClientOffer)}
          />
        ) : (
          <CardEmptyState title="No codes yet" text="Your first code is created when your account is." />
        )}
      </Card>

      <EmailInvitesCard invites={data.invites} />

      <Card className="mb-8" role="region" aria-labelledby="create-code">
        <CardHeader>
          <CardTitle id="create-code">Create another code</CardTitle>
          <CardDescription>
            One per channel or campaign shows you where your signups come from.
          </CardDescription>
        </CardHeader>
        <CardBody>
          <CreateCodeForm suggestions={data.suggestions} campaigns={data.campaigns} />
        </CardBody>
      </Card>

      {data.analytics.codes.length ? <PerCodeCard codes={data.analytics.codes} /> : null}
    </div>
  );
}
