import type { Metadata } from "next";
import { PointsDebtNotice } from "@/components/rewards/points-debt-notice";
import { PointsHistoryList } from "@/components/rewards/points-history-list";
import { ProgressBar } from "@/components/rewards/progress-bar";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CardList, CardEmptyState } from "@/components/ui/card-list";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { pageContext } from "@/lib/auth/page-context";
import { formatDate, formatPoints } from "@/lib/format";
import { EXPIRY_WARNING_DAYS, getRewardsOverview, type CatalogOffer } from "@/lib/queries/rewards-overview";
import { redeemPageSchema } from "@/lib/validation/redemptions";
import { RedeemForm } from "./redeem-form";

export const metadata: Metadata = { title: "Redeem points" };
export const dynamic = "force-dynamic";

const rewardKind: Record<CatalogOffer["rewardType"], string> = {
  discount_percent: "Discount",
  free_product: "Free product",
  lifetime_premium: "Premium",
};

const HISTORY_PER_PAGE = 20;

export default async function RedeemPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const { db, user } = await pageContext("/redeem", "client");
  const { history: historyPage } = redeemPageSchema.parse(await searchParams);
  const overview = await getRewardsOverview(db, user.id, {
    historyLimit: HISTORY_PER_PAGE,
    historyOffset: (historyPage - 1) * HISTORY_PER_PAGE,
  });
  const historyPages = Math.max(1, Math.ceil(overview.historyTotal / HISTORY_PER_PAGE));
  const { balancePoints, expiringSoon } = overview;

  return (
    <div className="page-container">
      <PageHeader
        title="Redeem points"
        description="Spend your points on MuseNest rewards. Every reward comes with a coupon code to use at checkout."
        actions={
          <ButtonLink href="/dashboard/referrals" variant="secondary">
            My referrals
          </ButtonLink>
        }
      />

      <section aria-label="Your points" className="mb-8 grid grid-cols-2 gap-4 sm:grid-cols-3">
        <div className="col-span-2 sm:col-span-1">
          <StatCard label="Available points" value={formatPoints(balancePoints)} note="Ready to spend" />
        </div>
        <StatCard
          label="Pending points"
          value={formatPoints(overview.pendingPoints)}
          note="In review or waiting for a first payment"
        />
        <StatCard
          label="Expiring soon"
          value={expiringSoon ? formatPoints(expiringSoon.points) : "None"}
          note={
            expiringSoon
              ? `From ${formatDate(expiringSoon.firstExpiresAt)}; oldest are spent first`
              : `Nothing in the next ${EXPIRY_WARNING_DAYS} days`
          }
        />
      </section>

      <PointsDebtNotice debt={overview.debt} className="mb-8" />

      <section aria-labelledby="catalog-heading" className="mb-8">
        <h2 id="catalog-heading" className="mb-4 text-lg font-semibold text-ink-900">
          Rewards
        </h2>
        {overview.catalog.length ? (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {overview.catalog.map((item) => (
              <li key={item.id}>
                <Card className="flex h-full flex-col" aria-label={item.name} role="group">
                  <CardBody className="flex flex-1 flex-col gap-3">
                    <div className="flex items-start justify-between gap-3">
                      <div>
                        <p className="text-xs font-medium tracking-wide text-brand-700 uppercase">
                          {rewardKind[item.rewardType]}
                        </p>
                        <h3 className="mt-0.5 text-base font-semibold text-ink-900">{item.name}</h3>
                      </div>
                      <p className="shrink-0 text-right">
                        <span className="block text-xl font-semibold text-ink-900 tabular-nums">
                          {formatPoints(item.costPoints)}
                        </span>
                        <span className="text-xs text-ink-500">points</span>
                      </p>
                    </div>
                    {item.description ? <p className="text-sm text-ink-600">{item.description}</p> : null}
                    <div className="mt-auto flex flex-col gap-3 pt-2">
                      {item.affordable ? (
                        <p className="text-xs font-medium text-emerald-700">You can redeem this now.</p>
                      ) : (
                        <div>
                          <p className="text-sm font-medium text-amber-800">
                            You need {formatPoints(item.pointsMissing)} more points
                          </p>
                          <ProgressBar
                            className="mt-2"
                            value={balancePoints}
                            max={item.costPoints}
                            label={`${formatPoints(balancePoints)} of ${formatPoints(item.costPoints)} points for ${item.name}`}
                          />
                        </div>
                      )}
                      <RedeemForm
                        itemId={item.id}
                        itemName={item.name}
                        costPoints={item.costPoints}
                        affordable={item.affordable}
                      />
                    </div>
                  </CardBody>
                </Card>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title="No rewards on offer right now" text="Check back soon — your points keep." />
        )}
      </section>

      <Card role="region" aria-labelledby="coupons-heading" className="mb-8">
        <CardHeader>
          <CardTitle id="coupons-heading">Your coupons</CardTitle>
          <CardDescription>Give the code at checkout. Each code works once.</CardDescription>
        </CardHeader>
        <CardList
          items={overview.redemptions}
          empty={{ title: "No coupons yet", text: "Redeem a reward above and its code shows up here." }}
        >
          {(r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3">
              <div className="min-w-0">
                <p className="text-sm font-medium text-ink-900">{r.itemName}</p>
                <p className="text-xs text-ink-500">
                  {formatDate(r.createdAt)} · {formatPoints(r.costPoints)} points
                </p>
              </div>
              <div className="flex items-center gap-2">
                <code className="rounded-md bg-ink-50 px-2 py-1 font-mono text-sm font-semibold text-ink-900 ring-1 ring-ink-200">
                  {r.couponCode}
                </code>
                <CopyButton value={r.couponCode} label="Copy" aria-label={`Copy coupon ${r.couponCode}`} />
              </div>
            </li>
          )}
        </CardList>
      </Card>

      <Card role="region" aria-labelledby="history-heading" id="history">
        <CardHeader>
          <CardTitle id="history-heading">Points history</CardTitle>
          <CardDescription>
            Every change to your points and why. Points expire a year after you earn them, oldest first.
          </CardDescription>
        </CardHeader>
        {overview.history.length ? (
          <PointsHistoryList entries={overview.history} />
        ) : overview.historyTotal ? (
          <CardBody>
            <p className="text-sm text-ink-600">
              Nothing on this page.{" "}
              <a href="/redeem#history" className="font-medium text-brand-700 hover:underline">
                Back to your latest points
              </a>
            </p>
          </CardBody>
        ) : (
          <CardEmptyState
            title="No points yet"
            text="You earn points for every client who signs up with your code, and when you join with someone else's."
            action={<ButtonLink href="/dashboard">Get your invite link</ButtonLink>}
          />
        )}
        {historyPages > 1 ? (
          <nav
            aria-label="History pages"
            className="flex items-center justify-between border-t border-ink-100 px-5 py-3"
          >
            {historyPage > 1 ? (
              <ButtonLink href={`/redeem?history=${historyPage - 1}#history`} variant="secondary" size="sm">
                ← Newer
              </ButtonLink>
            ) : (
              <span />
            )}
            <span className="text-sm text-ink-500">
              Page {Math.min(historyPage, historyPages)} of {historyPages}
            </span>
            {historyPage < historyPages ? (
              <ButtonLink href={`/redeem?history=${historyPage + 1}#history`} variant="secondary" size="sm">
                Older →
              </ButtonLink>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </Card>
    </div>
  );
}
