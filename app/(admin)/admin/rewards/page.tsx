import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CardEmptyState } from "@/components/ui/card-list";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { Table, TableBody, TableHead, TableScroll, Td, Th } from "@/components/ui/table";
import { pageContext } from "@/lib/auth/page-context";
import { formatDate, formatPoints } from "@/lib/format";
import { getAdminRewards, type AdminRule } from "@/lib/queries/admin-rewards";
import { hasWindowEnded, hasWindowStarted } from "@/lib/time-window";
import { CatalogItemForm } from "./catalog-form";
import { OfferForm } from "./offer-form";
import { DoubleSidedForm, ExpiryForm, MilestoneForm, QualifyingForm, TierScheduleForm } from "./rule-forms";

export const metadata: Metadata = { title: "Rewards" };
export const dynamic = "force-dynamic";

function offerState(offer: AdminRule<"offer">, now: Date) {
  if (!offer.isActive) return { label: "Off", tone: "neutral" } as const;
  if (!hasWindowStarted(offer, now))
    return { label: `Starts ${formatDate(offer.startsAt!)}`, tone: "info" } as const;
  if (hasWindowEnded(offer, now)) return { label: "Ended", tone: "neutral" } as const;
  return { label: "Running", tone: "success" } as const;
}

function InvalidConfig() {
  return (
    <CardBody>
      <p role="alert" className="text-sm text-red-700">
        This rule&apos;s stored settings are not valid, so it is ignored. Contact an engineer to repair it.
      </p>
    </CardBody>
  );
}

export default async function AdminRewardsPage() {
  const { db } = await pageContext("/admin/rewards", "admin");
  const now = new Date();
  const { rules, catalog, stats, recentRedemptions } = await getAdminRewards(db, now);
  const { doubleSided, tierSchedule, expiry, qualifyingActivity } = rules;

  return (
    <div className="page-container">
      <PageHeader
        title="Rewards"
        description="Points rules, offers, badges and the catalog. Changes apply to points earned from now on; points already earned keep their amounts."
        actions={
          <ButtonLink href="/leaderboard" variant="secondary">
            Leaderboard
          </ButtonLink>
        }
      />

      <section aria-label="Program totals" className="mb-8 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatCard
          label="Points available"
          value={formatPoints(stats.pointsAvailable)}
          note={`${formatPoints(stats.pointsPending)} more pending`}
        />
        <StatCard
          label="Redeemed, 30 days"
          value={formatPoints(stats.redemptions30Days)}
          note={`${formatPoints(stats.pointsRedeemed30Days)} points spent`}
        />
        <StatCard
          label="Badges awarded"
          value={formatPoints(stats.badges.bronze + stats.badges.silver + stats.badges.gold)}
          note={`${stats.badges.bronze} bronze · ${stats.badges.silver} silver · ${stats.badges.gold} gold`}
        />
        <StatCard
          label="Ledger check"
          value={stats.ledgerMismatches === 0 ? "Balanced" : `${stats.ledgerMismatches} off`}
          note={
            stats.ledgerMismatches === 0
              ? "Every balance equals its ledger"
              : "Balances that disagree with their ledger"
          }
        />
      </section>

      <div className="mb-8 grid gap-8 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Double-sided reward</CardTitle>
            <CardDescription>Both sides of every qualified referral earn points.</CardDescription>
          </CardHeader>
          {doubleSided?.config ? (
            <CardBody>
              <DoubleSidedForm
                rule={{ id: doubleSided.id, isActive: doubleSided.isActive, config: doubleSided.config }}
              />
            </CardBody>
          ) : (
            <InvalidConfig />
          )}
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Tiered schedule</CardTitle>
            <CardDescription>More points per referral as a referrer brings more clients.</CardDescription>
          </CardHeader>
          {tierSchedule?.config ? (
            <CardBody>
              <TierScheduleForm
                rule={{ id: tierSchedule.id, isActive: tierSchedule.isActive, config: tierSchedule.config }}
              />
            </CardBody>
          ) : (
            <InvalidConfig />
          )}
        </Card>
      </div>

      <Card className="mb-8" role="region" aria-labelledby="milestones-heading">
        <CardHeader>
          <CardTitle id="milestones-heading">Milestones & badges</CardTitle>
          <CardDescription>
            A badge and a one-time bonus when a referrer reaches a number of qualified referrals. Each is
            awarded once.
          </CardDescription>
        </CardHeader>
        <div className="divide-y divide-ink-100">
          {rules.milestones.map((m) =>
            m.config ? (
              <MilestoneForm key={m.id} rule={{ id: m.id, isActive: m.isActive, config: m.config }} />
            ) : (
              <InvalidConfig key={m.id} />
            ),
          )}
        </div>
      </Card>

      <Card className="mb-8" role="region" aria-labelledby="offers-heading">
        <CardHeader>
          <CardTitle id="offers-heading">Time-limited offers</CardTitle>
          <CardDescription>
            A bonus for reaching a number of referrals within a rolling window of days, while the offer runs.
            Each offer pays a referrer once.
          </CardDescription>
        </CardHeader>
        <div className="divide-y divide-ink-100">
          {rules.offers.map((offer) => {
            const state = offerState(offer, now);
            return offer.config ? (
              <div key={offer.id}>
                <div className="flex items-center gap-2 px-5 pt-4">
                  <h3 className="text-sm font-semibold text-ink-900">{offer.name}</h3>
                  <Badge tone={state.tone}>{state.label}</Badge>
                </div>
                <OfferForm
                  offer={{
                    id: offer.id,
                    name: offer.name,
                    isActive: offer.isActive,
                    config: offer.config,
                    startsAt: offer.startsAt,
                    endsAt: offer.endsAt,
                  }}
                />
              </div>
            ) : (
              <InvalidConfig key={offer.id} />
            );
          })}
          <div className="bg-ink-50/60">
            <h3 className="px-5 pt-4 text-sm font-semibold text-ink-900">New offer</h3>
            <OfferForm />
          </div>
        </div>
      </Card>

      <div className="mb-8 grid gap-8 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Expiry</CardTitle>
          </CardHeader>
          {expiry?.config ? (
            <CardBody>
              <ExpiryForm rule={{ id: expiry.id, isActive: expiry.isActive, config: expiry.config }} />
            </CardBody>
          ) : (
            <InvalidConfig />
          )}
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Qualifying activity</CardTitle>
          </CardHeader>
          {qualifyingActivity ? (
            <CardBody>
              <QualifyingForm rule={{ id: qualifyingActivity.id, isActive: qualifyingActivity.isActive }} />
            </CardBody>
          ) : (
            <InvalidConfig />
          )}
        </Card>
      </div>

      <Card className="mb-8" role="region" aria-labelledby="catalog-heading">
        <CardHeader>
          <CardTitle id="catalog-heading">Catalog</CardTitle>
          <CardDescription>
            What clients can redeem points for (at least 100 points each). Untick Active to retire a reward;
            coupons already issued stay valid.
          </CardDescription>
        </CardHeader>
        <div className="divide-y divide-ink-100">
          {catalog.map((item) => (
            <CatalogItemForm key={item.id} item={item} />
          ))}
          <div className="bg-ink-50/60">
            <h3 className="px-5 pt-4 text-sm font-semibold text-ink-900">New reward</h3>
            <CatalogItemForm />
          </div>
        </div>
      </Card>

      <Card role="region" aria-labelledby="redemptions-heading">
        <CardHeader>
          <CardTitle id="redemptions-heading">Recent redemptions</CardTitle>
        </CardHeader>
        {recentRedemptions.length ? (
          <TableScroll aria-label="Recent redemptions table">
            <Table className="min-w-[560px]">
              <TableHead>
                <tr>
                  <Th>Client</Th>
                  <Th inset>Reward</Th>
                  <Th inset>Coupon</Th>
                  <Th inset align="right">
                    Points
                  </Th>
                  <Th>Date</Th>
                </tr>
              </TableHead>
              <TableBody>
                {recentRedemptions.map((r) => (
                  <tr key={r.id}>
                    <Td>
                      <p className="font-medium text-ink-900">{r.userName}</p>
                      <p className="text-xs text-ink-500">{r.userEmail}</p>
                    </Td>
                    <Td inset className="text-ink-700">
                      {r.itemName}
                    </Td>
                    <Td inset className="font-mono text-xs text-ink-800">
                      {r.couponCode}
                    </Td>
                    <Td inset numeric>
                      {formatPoints(r.costPoints)}
                    </Td>
                    <Td className="whitespace-nowrap text-ink-600">{formatDate(r.createdAt)}</Td>
                  </tr>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        ) : (
          <CardEmptyState title="No redemptions yet" />
        )}
      </Card>
    </div>
  );
}
