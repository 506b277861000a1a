import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { appOrigin } from "@/lib/app-url";
import { requirePageUser } from "@/lib/auth/session";
import { formatDate, formatPercent } from "@/lib/format";
import { listOpenCampaigns } from "@/lib/queries/open-campaigns";
import { getReferrerOverview } from "@/lib/queries/referrer-overview";
import { suggestCodes } from "@/lib/referrals/suggest-codes";
import { AnalyticsSection, type AnalyticsSearchParams } from "./analytics-section";
import { CodesTable } from "./codes-table";
import { CommissionSummary } from "./commission-summary";
import { CreateCodeForm } from "./create-code-form";
import { RewardsSummary } from "./rewards-summary";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<AnalyticsSearchParams>;
}) {
  const user = await requirePageUser("/dashboard", "client");
  const now = new Date();
  const db = await getDb();
  const [overview, origin, suggestions, campaigns] = await Promise.all([
    getReferrerOverview(user.id, now),
    appOrigin(),
    suggestCodes(db, { name: user.name, email: user.email, now }),
    listOpenCampaigns(db, now),
  ]);
  const { totals } = overview;

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <PageHeader
        title={`Welcome back, ${user.name}`}
        description="Share your code or invite link. Every client who signs up with it is credited to you."
      />

      <section aria-label="Summary" className="mb-8 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatCard label="Referrals" value={totals.referrals} note="All time" />
        <StatCard label="Last 30 days" value={totals.referralsLast30Days} note="New referrals" />
        <StatCard label="Link clicks" value={totals.clicks} note="All codes" />
        <StatCard
          label="Conversion"
          value={formatPercent(totals.clicks ? totals.referrals / totals.clicks : null)}
          note="Signups ÷ clicks"
        />
      </section>

      <AnalyticsSection userId={user.id} now={now} searchParams={await searchParams} />
      <CommissionSummary userId={user.id} />
      <RewardsSummary userId={user.id} now={now} />

      <Card className="mb-8">
        <CardHeader>
          <CardTitle>Your referral codes</CardTitle>
        </CardHeader>
        {overview.codes.length ? (
          <CodesTable
            codes={overview.codes}
            origin={origin}
            now={now}
            referrer={{ id: user.id, name: user.name }}
          />
        ) : (
          <CardBody>
            <EmptyState
              headingLevel="h3"
              title="No codes yet"
              text="Your first code is created when your account is."
            />
          </CardBody>
        )}
      </Card>

      <Card className="mb-8" role="region" aria-labelledby="create-code">
        <CardHeader>
          <CardTitle id="create-code">Create another code</CardTitle>
          <CardDescription>
            One per channel or campaign shows you where your signups come from.
          </CardDescription>
        </CardHeader>
        <CardBody>
          <CreateCodeForm suggestions={suggestions} campaigns={campaigns} />
        </CardBody>
      </Card>

      <Card role="region" aria-labelledby="latest-referrals">
        <CardHeader>
          <CardTitle id="latest-referrals">Latest referrals</CardTitle>
        </CardHeader>
        {overview.recentReferrals.length ? (
          <ul className="divide-y divide-ink-100">
            {overview.recentReferrals.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3 text-sm">
                <div>
                  <p className="font-medium text-ink-900">{r.name}</p>
                  <p className="text-ink-500">{r.maskedEmail}</p>
                </div>
                <div className="flex items-center gap-3 text-ink-600">
                  {r.flagged ? <Badge tone="warning">In review</Badge> : null}
                  <span className="font-mono text-xs">{r.code}</span>
                  <span>{formatDate(r.usedAt)}</span>
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <CardBody>
            <EmptyState
              headingLevel="h3"
              title="No referrals yet"
              text="Copy your invite link above and send it to someone who would love MuseNest. Their signup shows up here."
            />
          </CardBody>
        )}
      </Card>
    </div>
  );
}
