import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CardList, CardEmptyState } from "@/components/ui/card-list";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { appOrigin } from "@/lib/app-url";
import { pageContext } from "@/lib/auth/page-context";
import { formatDate, formatPercent } from "@/lib/format";
import { loadDashboard } from "@/lib/queries/dashboard";
import { offerText } from "@/lib/sharing/offer-text";
import { AnalyticsSection, analyticsPeriod, type AnalyticsSearchParams } from "./analytics-section";
import { CodesTable } from "./codes-table";
import { CommissionSummary } from "./commission-summary";
import { CreateCodeForm } from "./create-code-form";
import { EmailInvitesCard } from "./email-invites-card";
import { GettingStarted } from "./getting-started";
import { RewardsSummary } from "./rewards-summary";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<AnalyticsSearchParams>;
}) {
  const { db, user } = await pageContext("/dashboard", "client");
  const now = new Date();
  const period = analyticsPeriod(await searchParams, now);
  // One loader for the whole page, a fixed handful of statements (lib/queries/dashboard.ts). The headline
  // cards and the per-code table read the same model as GET /api/clients/:id/referral-analytics.
  const [data, origin] = await Promise.all([
    loadDashboard(db, user, { now, days: period.days, month: period.month }),
    appOrigin(),
  ]);
  const { overview, analytics, suggestions, campaigns, newClientOffer } = data;
  const points = data.rewards;
  const { summary } = analytics;
  const offer = offerText(newClientOffer);
  const firstCode = overview.codes.find((c) => c.isActive) ?? overview.codes[0];
  const isNew = summary.total_referrals === 0;

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <PageHeader
        title={`Welcome back, ${user.name}`}
        description="Share your code or invite link. Every client who signs up with it is credited to you."
      />

      {isNew && firstCode ? (
        <GettingStarted referrerName={user.name} code={firstCode.code} origin={origin} offer={offer} />
      ) : null}

      <section
        aria-label="Summary"
        data-testid="summary-cards"
        className="mb-8 grid grid-cols-2 gap-4 sm:grid-cols-3 xl:grid-cols-6"
      >
        <StatCard
          label="Referrals"
          value={summary.total_referrals}
          note={`${analytics.codes.reduce((n, c) => n + c.signups_last_30_days, 0)} in the last 30 days`}
        />
        <StatCard label="Link clicks" value={summary.total_clicks} note="All codes" />
        <StatCard label="Conversion" value={formatPercent(summary.conversion_rate)} note="Signups ÷ clicks" />
        <StatCard
          label="Points"
          value={points.balancePoints.toLocaleString("en-US")}
          note={
            points.pendingPoints
              ? `${points.pendingPoints.toLocaleString("en-US")} pending`
              : "Ready to redeem"
          }
        />
        <StatCard
          label="Commission pending"
          value={`$${summary.commission_pending}`}
          note="Earned, not yet paid"
        />
        <StatCard label="Commission paid" value={`$${summary.commission_paid}`} note="Sent to you" />
      </section>

      <Card className="mb-8" role="region" aria-labelledby="your-codes">
        <CardHeader>
          <CardTitle id="your-codes">Your referral codes</CardTitle>
          <CardDescription>Copy a link, send it in one tap, or show the QR code.</CardDescription>
        </CardHeader>
        {overview.codes.length ? (
          <CodesTable
            codes={overview.codes}
            origin={origin}
            now={now}
            referrer={{ id: user.id, name: user.name }}
            offer={offer}
          />
        ) : (
          <CardEmptyState title="No codes yet" text="Your first code is created when your account is." />
        )}
      </Card>
      <EmailInvitesCard invites={data.invites} />

      <AnalyticsSection analytics={analytics} charts={data.charts} period={period} />
      <CommissionSummary commission={data.commission} />
      <RewardsSummary summary={data.rewards} now={now} />

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
        <CardList
          items={overview.recentReferrals}
          empty={{
            title: "No referrals yet",
            text: "Copy your invite link above and send it to someone who would love MuseNest. Their signup shows up here.",
          }}
        >
          {(r) => (
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
          )}
        </CardList>
      </Card>
    </div>
  );
}
