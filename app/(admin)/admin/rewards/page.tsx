import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { CardEmptyState } from "@/components/ui/card-list";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { Table, TableBody, TableHead, TableScroll, Td, Th } from "@/components/ui/table";
import { pageContext } from "@/lib/auth/page-context";
import { formatDate, formatPoints } from "@/lib/format";
import { getAdminRewards, type AdminRule } from "@/lib/queries/admin-rewards";
import { hasWindowEnded, hasWindowStarted } from "@/lib/time-window";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { saveCatalogSectionAction, saveRuleSectionAction } from "./actions";
import { CatalogSectionFields, NewCatalogItemForm } from "./catalog-form";
import { NewOfferForm, OfferSectionFields } from "./offer-form";
import {
  DoubleSidedFields,
  ExpiryFields,
  MilestoneFields,
  QualifyingFields,
  TierScheduleFields,
} from "./rule-forms";
import { SectionForm } from "./section-form";

export const metadata: Metadata = { title: "Rewards" };
export const dynamic = "force-dynamic";

function offerState(offer: AdminRule<"offer">, now: Date) {
  if (!offer.isActive) return { label: "Off", tone: "neutral" } as const;
  if (!hasWindowStarted(offer, now))
    return { label: `Starts ${formatDate(offer.startsAt!)}`, tone: "info" } as const;
  if (hasWindowEnded(offer, now)) return { label: "Ended", tone: "neutral" } as const;
  return { label: "Running", tone: "success" } as const;
}

// One section at a time, chosen in the URL: each is one form with one Save.
const SECTIONS = {
  points: "Points per referral",
  tiers: "Tiers",
  offers: "Offers",
  milestones: "Milestones",
  expiry: "Expiry",
  catalog: "Catalog",
} as const;
type Section = keyof typeof SECTIONS;
const isSection = (v: unknown): v is Section => typeof v === "string" && v in SECTIONS;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function InvalidConfig() {
  return (
    <CardBody>
      <p role="alert" className="text-sm text-red-700">
        This rule&apos;s stored settings are not valid, so it is ignored. Contact an engineer to repair it.
      </p>
    </CardBody>
  );
}

export default async function AdminRewardsPage({ searchParams }: Props) {
  const { db } = await pageContext("/admin/rewards", "admin");
  const raw = (await searchParams).section;
  const section: Section = isSection(raw) ? raw : "points";
  const now = new Date();
  const { rules, catalog, stats, recentRedemptions } = await getAdminRewards(db, now);
  const { doubleSided, tierSchedule, expiry, qualifyingActivity } = rules;
  // Narrowed once here: the section forms' render functions can't see a narrowing made outside them.
  const ruleWith = <C,>(r: { id: number; isActive: boolean; config: C | null } | null) =>
    r?.config ? { id: r.id, isActive: r.isActive, config: r.config } : null;
  const ds = ruleWith(doubleSided);
  const tiers = ruleWith(tierSchedule);
  const expiryRule = ruleWith(expiry);

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

      <nav aria-label="Rewards sections" className="mb-6 -mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
        <ul className="flex min-w-max gap-1 border-b border-ink-200">
          {(Object.keys(SECTIONS) as Section[]).map((key) => (
            <li key={key}>
              <Link
                href={key === "points" ? "/admin/rewards" : `/admin/rewards?section=${key}`}
                aria-current={key === section ? "page" : undefined}
                className={cn(
                  "-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                  key === section
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-ink-600 hover:border-ink-300 hover:text-ink-900",
                )}
              >
                {SECTIONS[key]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {section === "points" ? (
        ds && qualifyingActivity ? (
          <SectionForm
            id="points"
            title="Points per referral"
            description="Both sides of every qualified referral earn points; optionally only once the new client has paid."
            action={saveRuleSectionAction}
            saveLabel="Save points per referral"
          >
            <div className="divide-y divide-ink-100">
              <DoubleSidedFields rule={ds} />
              <QualifyingFields rule={{ id: qualifyingActivity.id, isActive: qualifyingActivity.isActive }} />
            </div>
          </SectionForm>
        ) : (
          <Card>
            <InvalidConfig />
          </Card>
        )
      ) : null}

      {section === "tiers" ? (
        tiers ? (
          <SectionForm
            id="tiers"
            title="Tiered schedule"
            description="More points per referral as a referrer brings more clients."
            action={saveRuleSectionAction}
            saveLabel="Save tiers"
          >
            <TierScheduleFields rule={tiers} />
          </SectionForm>
        ) : (
          <Card>
            <InvalidConfig />
          </Card>
        )
      ) : null}

      {section === "offers" ? (
        <div className="flex flex-col gap-6">
          {rules.offers.some((o) => o.config) ? (
            <SectionForm
              id="offers"
              title="Time-limited offers"
              description="A bonus for reaching a number of referrals within a rolling window of days, while the offer runs. Each offer pays a referrer once."
              action={saveRuleSectionAction}
              saveLabel="Save offers"
            >
              <div className="divide-y divide-ink-100">
                {rules.offers.map((offer) => {
                  const state = offerState(offer, now);
                  return offer.config ? (
                    <OfferSectionFields
                      key={offer.id}
                      offer={{
                        id: offer.id,
                        name: offer.name,
                        isActive: offer.isActive,
                        config: offer.config,
                        startsAt: offer.startsAt,
                        endsAt: offer.endsAt,
                      }}
                      title={
                        <span className="flex items-center gap-2">
                          {offer.name} <Badge tone={state.tone}>{state.label}</Badge>
                        </span>
                      }
                    />
                  ) : (
                    <InvalidConfig key={offer.id} />
                  );
                })}
              </div>
            </SectionForm>
          ) : null}
          <Card role="region" aria-labelledby="new-offer-heading">
            <CardHeader>
              <CardTitle id="new-offer-heading">New offer</CardTitle>
            </CardHeader>
            <NewOfferForm />
          </Card>
        </div>
      ) : null}

      {section === "milestones" ? (
        <SectionForm
          id="milestones"
          title="Milestones & badges"
          description="A badge and a one-time bonus when a referrer reaches a number of qualified referrals. Each is awarded once."
          action={saveRuleSectionAction}
          saveLabel="Save milestones"
        >
          <div className="divide-y divide-ink-100">
            {rules.milestones.map((m) =>
              m.config ? (
                <MilestoneFields key={m.id} rule={{ id: m.id, isActive: m.isActive, config: m.config }} />
              ) : (
                <InvalidConfig key={m.id} />
              ),
            )}
          </div>
        </SectionForm>
      ) : null}

      {section === "expiry" ? (
        expiryRule ? (
          <SectionForm
            id="expiry"
            title="Expiry"
            description="Points not spent expire, oldest first."
            action={saveRuleSectionAction}
            saveLabel="Save expiry"
          >
            <ExpiryFields rule={expiryRule} />
          </SectionForm>
        ) : (
          <Card>
            <InvalidConfig />
          </Card>
        )
      ) : null}

      {section === "catalog" ? (
        <div className="flex flex-col gap-6">
          {catalog.length ? (
            <SectionForm
              id="catalog"
              title="Catalog"
              description="What clients can redeem points for (at least 100 points each). Untick Active to retire a reward; coupons already issued stay valid."
              action={saveCatalogSectionAction}
              saveLabel="Save catalog"
            >
              <div className="divide-y divide-ink-100">
                {catalog.map((item) => (
                  <CatalogSectionFields key={item.id} item={item} />
                ))}
              </div>
            </SectionForm>
          ) : null}
          <Card role="region" aria-labelledby="new-reward-heading">
            <CardHeader>
              <CardTitle id="new-reward-heading">New reward</CardTitle>
            </CardHeader>
            <NewCatalogItemForm />
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
      ) : null}
    </div>
  );
}
