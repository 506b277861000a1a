import type { Metadata } from "next";
import Link from "next/link";
import { campaignBonus, campaignTerms, campaignWindow } from "@/components/commissions/campaign-terms";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CardList } from "@/components/ui/card-list";
import { PageHeader } from "@/components/ui/page-header";
import { pageContext } from "@/lib/auth/page-context";
import { formatMoney } from "@/lib/format";
import { listCampaigns } from "@/lib/queries/campaigns";
import { TIER_ROWS } from "@/lib/validation/campaigns";
import { createCampaignAction } from "./actions";
import { CampaignForm } from "./campaign-form";
import { CampaignStateBadge } from "./campaign-state-badge";

export const metadata: Metadata = { title: "Campaigns" };
export const dynamic = "force-dynamic";

export default async function CampaignsPage() {
  const { db } = await pageContext("/admin/campaigns", "admin");
  const campaigns = await listCampaigns(db, new Date());

  return (
    <div className="page-container">
      <PageHeader
        title="Campaigns"
        description="Promotions that replace the base 10% commission for the codes linked to them, while they run."
      />

      <Card className="mb-8" role="region" aria-labelledby="campaign-list">
        <CardHeader>
          <CardTitle id="campaign-list">All campaigns</CardTitle>
        </CardHeader>
        <CardList
          items={campaigns}
          empty={{
            title: "No campaigns yet",
            text: "Create one below, then link referrers' codes to it on its page.",
          }}
        >
          {(c) => {
            const bonus = campaignBonus(c);
            return (
              <li key={c.id} className="px-5 py-4" data-testid={`campaign-${c.id}`}>
                <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3">
                  <div className="min-w-0 flex-1 basis-64">
                    <div className="flex flex-wrap items-center gap-2">
                      <Link
                        href={`/admin/campaigns/${c.id}`}
                        className="font-semibold text-ink-900 underline-offset-2 hover:text-brand-700 hover:underline"
                      >
                        {c.campaignName}
                      </Link>
                      <CampaignStateBadge state={c.state} />
                    </div>
                    {c.description ? <p className="mt-0.5 text-sm text-ink-500">{c.description}</p> : null}
                    <p className="mt-1 text-sm text-ink-700">
                      {campaignTerms(c)}
                      {bonus ? ` · ${bonus}` : ""}
                    </p>
                  </div>
                  <dl className="grid w-full grid-cols-2 gap-x-6 gap-y-2 text-sm sm:w-auto sm:grid-cols-3">
                    <div className="col-span-2 sm:col-span-1">
                      <dt className="text-xs text-ink-500">Window</dt>
                      <dd className="sm:whitespace-nowrap">{campaignWindow(c)}</dd>
                    </div>
                    <div>
                      <dt className="text-xs text-ink-500">Codes</dt>
                      <dd className="tabular-nums">{c.codeCount}</dd>
                    </div>
                    <div>
                      <dt className="text-xs text-ink-500">Earned</dt>
                      <dd className="tabular-nums">{formatMoney(c.earnedCents)}</dd>
                    </div>
                  </dl>
                </div>
              </li>
            );
          }}
        </CardList>
      </Card>

      <Card role="region" aria-labelledby="new-campaign">
        <CardHeader>
          <CardTitle id="new-campaign">New campaign</CardTitle>
          <CardDescription>After creating it, link the codes it applies to.</CardDescription>
        </CardHeader>
        <CardBody className="max-w-3xl">
          <CampaignForm action={createCampaignAction} submitLabel="Create campaign" tierRows={TIER_ROWS} />
        </CardBody>
      </Card>
    </div>
  );
}
