import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { campaignBonus, campaignTerms, campaignWindow } from "@/components/commissions/campaign-terms";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CardList } from "@/components/ui/card-list";
import { PageHeader } from "@/components/ui/page-header";
import { pageContext } from "@/lib/auth/page-context";
import { campaignState, getCampaign } from "@/lib/queries/campaigns";
import { bpsToInput, centsToInput } from "@/lib/validation/money";
import { TIER_ROWS } from "@/lib/validation/campaigns";
import { updateCampaignAction } from "../actions";
import { EndCampaignButton, LinkCodesForm, UnlinkCodeButton } from "../campaign-controls";
import { CampaignForm, type CampaignFormValues } from "../campaign-form";
import { CampaignStateBadge } from "../campaign-state-badge";

export const metadata: Metadata = { title: "Campaign" };
export const dynamic = "force-dynamic";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

export default async function CampaignPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const { id } = await params;
  const { db } = await pageContext(`/admin/campaigns/${id}`, "admin");
  const campaignId = /^[1-9][0-9]{0,8}$/.test(id) ? Number(id) : null;
  const found = campaignId ? await getCampaign(db, campaignId) : null;
  if (!found) notFound();
  const { campaign, codes } = found;
  const state = campaignState(campaign, new Date());
  const { created } = await searchParams;

  const defaults: CampaignFormValues = {
    campaignName: campaign.campaignName,
    description: campaign.description ?? "",
    commissionType: campaign.commissionType,
    rate: campaign.commissionType === "flat_rate" ? "" : bpsToInput(campaign.commissionValue),
    flatAmount: campaign.commissionType === "flat_rate" ? centsToInput(campaign.commissionValue) : "",
    bonusThreshold: campaign.bonusThreshold === null ? "" : String(campaign.bonusThreshold),
    bonusAmount: centsToInput(campaign.bonusAmountCents),
    startsOn: day(campaign.startsAt),
    endsOn: day(campaign.endsAt),
  };
  [...(campaign.tiers ?? [])]
    .sort((a, b) => a.minReferrals - b.minReferrals)
    .slice(0, TIER_ROWS)
    .forEach((tier, i) => {
      defaults[`tierMin${i}`] = String(tier.minReferrals);
      defaults[`tierRate${i}`] = bpsToInput(tier.rateBps);
    });
  const bonus = campaignBonus(campaign);

  return (
    <div className="page-container">
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {campaign.campaignName} <CampaignStateBadge state={state} />
          </span>
        }
        description={`${campaignTerms(campaign)}${bonus ? ` · ${bonus}` : ""} · ${campaignWindow(campaign)}`}
        actions={
          <>
            <ButtonLink href="/admin/campaigns" variant="secondary">
              All campaigns
            </ButtonLink>
            {state !== "ended" ? (
              <EndCampaignButton campaignId={campaign.id} name={campaign.campaignName} />
            ) : null}
          </>
        }
      />
      {created ? (
        <p
          role="status"
          className="mb-6 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-800"
        >
          Campaign created. Link the codes it applies to below.
        </p>
      ) : null}

      <div className="grid items-start gap-8 lg:grid-cols-5">
        <Card className="lg:col-span-2" role="region" aria-labelledby="linked-codes">
          <CardHeader>
            <CardTitle id="linked-codes">Linked codes</CardTitle>
            <CardDescription>
              Clients referred with these codes earn the campaign&apos;s terms.
            </CardDescription>
          </CardHeader>
          <CardList
            items={codes}
            empty={{
              title: "No codes linked",
              text: "Link referrers' codes to start the campaign for them.",
            }}
          >
            {(code) => (
              <li key={code.id} className="flex items-center justify-between gap-3 px-5 py-3">
                <div className="min-w-0">
                  <p className="font-mono text-sm font-semibold text-ink-900">{code.code}</p>
                  <p className="truncate text-xs text-ink-500">
                    {code.ownerName} · {code.ownerEmail}
                  </p>
                </div>
                {state !== "ended" ? (
                  <UnlinkCodeButton campaignId={campaign.id} codeId={code.id} code={code.code} />
                ) : null}
              </li>
            )}
          </CardList>
          {state !== "ended" ? (
            <CardBody className="border-t border-ink-100">
              <LinkCodesForm campaignId={campaign.id} />
            </CardBody>
          ) : null}
        </Card>

        <Card className="lg:col-span-3" role="region" aria-labelledby="campaign-terms">
          <CardHeader>
            <CardTitle id="campaign-terms">Terms</CardTitle>
            <CardDescription>
              Changes apply to payments recorded from now on; earned commissions keep theirs.
            </CardDescription>
          </CardHeader>
          <CardBody>
            <CampaignForm
              action={updateCampaignAction}
              defaults={defaults}
              campaignId={campaign.id}
              submitLabel="Save changes"
              tierRows={TIER_ROWS}
            />
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
