import type { Metadata } from "next";
import { MoneyLabel } from "@/components/commissions/money-label";
import { EmptyState } from "@/components/ui/empty-state";
import { StatCard } from "@/components/ui/stat-card";
import { TermHint } from "@/components/ui/term-hint";
import { appOrigin } from "@/lib/app-url";
import { pageContext } from "@/lib/auth/page-context";
import { formatMoney, formatPercent, formatPoints } from "@/lib/format";
import { MONEY_TERMS } from "@/lib/money-states";
import { LAST_30_DAYS, windowExplanation } from "@/lib/time-windows";
import { loadDashboardOverview } from "@/lib/queries/dashboard";
import { mainCode } from "@/lib/referrals/main-code";
import { offerText } from "@/lib/sharing/offer-text";
import { ActivityCard } from "./activity-card";
import { DashboardHeader } from "./dashboard-header";
import { DashboardLinks } from "./dashboard-links";
import { GettingStarted } from "./getting-started";
import { InviteLinkCard } from "./invite-link-card";
import { chartDays } from "./period";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

/**
 * The overview: how am I doing, and how do I share? The invite link, four figures, the main chart and the
 * way to the rest (codes, referrals, earnings, rewards each have their own page, so this one stays short).
 */
export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ days?: string | string[]; welcome?: string | string[] }>;
}) {
  const { db, user } = await pageContext("/dashboard", "client");
  const now = new Date();
  const params = await searchParams;
  const days = chartDays(params);
  const [data, origin] = await Promise.all([loadDashboardOverview(db, user, { now, days }), appOrigin()]);
  const { summary } = data.analytics;
  const { commission } = data;
  const offer = offerText(data.newClientOffer);
  const code = mainCode(data.codes, now);
  // Nothing has happened yet: "welcome back" would be wrong, and empty charts would bury the first step.
  const isNew = summary.total_referrals === 0 && summary.total_clicks === 0;
  const greeting = isNew || params.welcome !== undefined ? "Welcome" : "Welcome back";

  return (
    <div className="page-container">
      <DashboardHeader
        title={`${greeting}, ${user.name}`}
        description="Share your invite link: every client who signs up with it is credited to you."
      />

      {isNew && code ? (
        <GettingStarted referrerName={user.name} code={code.code} origin={origin} offer={offer} />
      ) : code ? (
        <InviteLinkCard
          code={code}
          codeCount={data.codes.length}
          origin={origin}
          referrerName={user.name}
          offer={offer}
          now={now}
        />
      ) : null}

      <section
        aria-label="Key figures"
        data-testid="summary-cards"
        className="mb-6 grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4"
      >
        <StatCard
          testId="card-referrals"
          label="Referrals"
          value={formatPoints(summary.total_referrals)}
          note={
            <>
              <span data-testid="signups-last-30">{formatPoints(summary.signups_last_30_days)}</span> in the
              last {LAST_30_DAYS} days{" "}
              <TermHint term={`Last ${LAST_30_DAYS} days`} explanation={windowExplanation(LAST_30_DAYS)} />
            </>
          }
        />
        <StatCard
          testId="card-conversion"
          label="Conversion"
          value={formatPercent(summary.conversion_rate)}
          note={`of ${formatPoints(summary.total_clicks)} link clicks`}
        />
        <StatCard
          testId="card-approved"
          label={<MoneyLabel state="approved" />}
          value={formatMoney(commission.approvedCents)}
          note={`${formatMoney(commission.pendingCents)} ${MONEY_TERMS.onHold.label.toLowerCase()} · ${formatMoney(commission.paidCents)} ${MONEY_TERMS.paid.label.toLowerCase()}`}
        />
        <StatCard
          testId="card-points"
          label="Points"
          value={formatPoints(data.points.balancePoints)}
          note={
            data.points.pendingPoints
              ? `${formatPoints(data.points.pendingPoints)} pending`
              : data.points.balancePoints
                ? "Ready to redeem"
                : "Earned with every referral"
          }
        />
      </section>

      {isNew ? (
        <EmptyState
          headingLevel="h2"
          className="mb-6"
          title="Your chart starts with your first click"
          text="Send your invite link to a friend or share it in a post. Clicks and signups per day appear here as soon as someone opens it."
        />
      ) : (
        <div className="mb-6">
          <ActivityCard activity={data.activity} days={days} />
        </div>
      )}

      <DashboardLinks
        codes={data.codes.length}
        referrals={summary.total_referrals}
        earnedCents={commission.earnedCents}
        points={data.points.balancePoints}
      />
    </div>
  );
}
