import Link from "next/link";
import { BadgeMedal } from "@/components/rewards/badge-medal";
import { PointsDebtNotice } from "@/components/rewards/points-debt-notice";
import { PointsHistoryList } from "@/components/rewards/points-history-list";
import { ProgressBar } from "@/components/rewards/progress-bar";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { formatPoints, formatTimeLeft } from "@/lib/format";
import type { RewardsSummary as RewardsSummaryData } from "@/lib/queries/rewards-summary";

/** The dashboard's points card: balance, badge and next milestone, offers running now, latest points. */
export function RewardsSummary({ summary, now }: { summary: RewardsSummaryData; now: Date }) {
  const { current, next, remaining } = summary;

  return (
    <Card role="region" aria-labelledby="points-heading" className="mb-8">
      <CardHeader className="flex-row flex-wrap items-center justify-between gap-3">
        <CardTitle id="points-heading">Points & badges</CardTitle>
        <div className="flex gap-2">
          <ButtonLink href="/leaderboard" variant="ghost" size="sm">
            Leaderboard
          </ButtonLink>
          <ButtonLink href="/redeem" size="sm">
            Redeem points
          </ButtonLink>
        </div>
      </CardHeader>

      <div className="grid divide-y divide-ink-100 lg:grid-cols-3 lg:divide-x lg:divide-y-0">
        <section aria-label="Points balance" className="px-5 py-4">
          <p className="text-sm font-medium text-ink-600">Points balance</p>
          <p
            className="mt-1 text-3xl font-semibold tracking-tight text-ink-900 tabular-nums"
            data-testid="points-balance"
          >
            {formatPoints(summary.balancePoints)}
          </p>
          <p className="mt-1 text-xs text-ink-500">
            {summary.pendingPoints > 0
              ? `+${formatPoints(summary.pendingPoints)} pending (in review or waiting for a first payment)`
              : summary.balancePoints === 0 && summary.debt.debtPoints === 0
                ? "You earn points for every client who joins with your code."
                : "Nothing pending"}
          </p>
          <PointsDebtNotice debt={summary.debt} className="mt-3" />
        </section>

        <section aria-label="Badges and next milestone" className="px-5 py-4">
          <p className="text-sm font-medium text-ink-600">
            Badge:{" "}
            <span className="text-ink-900">{current ? `${current.badgeName} Referrer` : "none yet"}</span>
          </p>
          {summary.milestones.length ? (
            <ul aria-label="Badges" className="mt-2 flex flex-wrap gap-2">
              {summary.milestones.map((m) => (
                <li key={m.badge}>
                  {m.earned ? (
                    <BadgeMedal badge={m.badge} />
                  ) : (
                    <span className="inline-flex items-center rounded-full border border-dashed border-ink-300 px-2 py-0.5 text-xs font-medium text-ink-500">
                      {m.badgeName} at {m.referrals}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          ) : null}
          {next && remaining !== null ? (
            <div className="mt-3">
              <p className="text-sm text-ink-800">
                <span className="font-semibold">
                  {remaining} more referral{remaining === 1 ? "" : "s"}
                </span>{" "}
                to {next.badgeName}
                {next.bonusPoints > 0 ? ` · +${formatPoints(next.bonusPoints)} points` : ""}
              </p>
              <ProgressBar
                className="mt-2"
                value={summary.countedReferrals}
                max={next.referrals}
                label={`${summary.countedReferrals} of ${next.referrals} referrals to ${next.badgeName}`}
              />
              {next.unlock ? <p className="mt-1.5 text-xs text-ink-500">Unlocks {next.unlock}</p> : null}
            </div>
          ) : (
            <p className="mt-3 text-sm text-ink-700">
              {current
                ? "Every badge earned — thank you for spreading the word."
                : "Badges are not running right now."}
            </p>
          )}
          {current?.unlock ? <p className="mt-1.5 text-xs text-ink-500">Unlocked: {current.unlock}</p> : null}
        </section>

        <section aria-label="Offers" className="px-5 py-4">
          <p className="text-sm font-medium text-ink-600">Offers</p>
          {summary.offers.length ? (
            <ul className="mt-2 space-y-3">
              {summary.offers.map((offer) => (
                <li key={offer.ruleId}>
                  <p className="text-sm font-semibold text-ink-900">
                    {offer.name}: +{formatPoints(offer.bonusPoints)}
                  </p>
                  <p className="text-xs text-ink-500">
                    {offer.earned
                      ? "Earned ✓"
                      : `${offer.counted} of ${offer.referrals} referrals in ${offer.withinDays} days`}
                    {offer.endsAt ? ` · ${formatTimeLeft(offer.endsAt, now)}` : ""}
                  </p>
                  {offer.earned ? null : (
                    <ProgressBar
                      className="mt-1.5"
                      value={offer.counted}
                      max={offer.referrals}
                      label={`${offer.counted} of ${offer.referrals} referrals for ${offer.name}`}
                    />
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-ink-500">No offer is running right now.</p>
          )}
        </section>
      </div>

      {summary.recent.length ? (
        <div className="border-t border-ink-100">
          <div className="flex items-center justify-between px-5 pt-3">
            <h3 className="text-sm font-semibold text-ink-900">Latest points</h3>
            <Link href="/redeem#history" className="text-sm font-medium text-brand-700 hover:underline">
              Full history
            </Link>
          </div>
          <PointsHistoryList entries={summary.recent} compact />
        </div>
      ) : null}
    </Card>
  );
}
