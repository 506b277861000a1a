import type { Metadata } from "next";
import { ReferralStatusBadge } from "@/components/referrals/referral-status-badge";
import { MoneyByCurrency } from "@/components/commissions/money-by-currency";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { CardEmptyState } from "@/components/ui/card-list";
import { StatCard } from "@/components/ui/stat-card";
import { Table, TableBody, TableHead, TableScroll, Td, Th } from "@/components/ui/table";
import { pageContext } from "@/lib/auth/page-context";
import { formatDate, formatMoneyByCurrency, formatPoints } from "@/lib/format";
import { getMyReferrals, type MyReferral } from "@/lib/queries/my-referrals";
import { getSignupsBySource } from "@/lib/queries/referral-analytics";
import { myReferralsPageSchema } from "@/lib/validation/my-referrals";
import { DashboardHeader } from "../dashboard-header";
import { SignupsBySourceCard } from "../signups-by-source-card";

export const metadata: Metadata = { title: "My referrals" };
export const dynamic = "force-dynamic";

const PER_PAGE = 25;

function Points({ referral }: { referral: MyReferral }) {
  return (
    <span className="tabular-nums">
      {formatPoints(referral.pointsEarned)}
      {referral.pointsPending > 0 ? (
        <span className="block text-xs text-amber-700">+{formatPoints(referral.pointsPending)} pending</span>
      ) : null}
    </span>
  );
}

export default async function MyReferralsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const { db, user } = await pageContext("/dashboard/referrals", "client");
  const { page } = myReferralsPageSchema.parse(await searchParams);
  const [mine, bySource] = await Promise.all([
    getMyReferrals(db, user.id, { page, perPage: PER_PAGE }),
    getSignupsBySource(db, user.id),
  ]);
  const { totals } = mine;

  return (
    <div className="page-container">
      <DashboardHeader
        title="My referrals"
        description="Everyone who joined with your code, what each referral earned you, and where it stands."
        actions={
          <ButtonLink href="/redeem" variant="secondary">
            Redeem points
          </ButtonLink>
        }
      />

      <section aria-label="Totals" className="mb-8 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatCard
          testId="referrals-total"
          label="Referrals"
          value={formatPoints(totals.referrals)}
          note={`${formatPoints(totals.qualified)} qualified${totals.rejected ? ` · ${totals.rejected} rejected` : ""}`}
        />
        <StatCard
          label="Points earned"
          value={formatPoints(totals.pointsEarned)}
          note={
            totals.pointsPending ? `+${formatPoints(totals.pointsPending)} pending` : "From your referrals"
          }
        />
        <StatCard
          testId="referrals-earned"
          label="Commission from referrals"
          value={formatMoneyByCurrency(totals.commissionByCurrency)}
          note="Direct, net of refunds, in each currency paid; all of it is on Earnings"
        />
        <StatCard
          label="In review"
          value={formatPoints(totals.inReview)}
          note="Flagged signups an admin is checking"
        />
      </section>

      <Card className="mb-8" role="region" aria-labelledby="referrals-heading">
        <CardHeader className="flex-row flex-wrap items-center justify-between gap-2">
          <CardTitle id="referrals-heading">People you referred</CardTitle>
          {mine.totalPages > 1 ? (
            <p className="text-sm text-ink-500">
              Page {mine.page} of {mine.totalPages}
            </p>
          ) : null}
        </CardHeader>
        {mine.referrals.length ? (
          <>
            {/* Phones: one card per person. */}
            <ul className="divide-y divide-ink-100 md:hidden">
              {mine.referrals.map((r) => (
                <li key={r.id} className="px-5 py-3">
                  <div className="flex items-start justify-between gap-3">
                    <div className="min-w-0">
                      <p className="truncate text-sm font-medium text-ink-900">{r.name}</p>
                      <p className="text-xs text-ink-500">
                        {r.maskedEmail} · {formatDate(r.referredAt)}
                      </p>
                    </div>
                    <ReferralStatusBadge status={r.status} />
                  </div>
                  <dl className="mt-2 grid grid-cols-2 gap-2 text-sm">
                    <div>
                      <dt className="text-xs text-ink-500">Points</dt>
                      <dd className="font-medium text-ink-900">
                        <Points referral={r} />
                      </dd>
                    </div>
                    <div>
                      <dt className="text-xs text-ink-500">Commission</dt>
                      <dd className="font-medium text-ink-900 tabular-nums">
                        <MoneyByCurrency amounts={r.commissionByCurrency} />
                      </dd>
                    </div>
                  </dl>
                </li>
              ))}
            </ul>
            {/* Wider screens: a table. */}
            <TableScroll className="hidden md:block" aria-label="Referrals table">
              <Table>
                <TableHead>
                  <tr>
                    <Th>Person</Th>
                    <Th inset>Joined</Th>
                    <Th inset>Code</Th>
                    <Th inset>Status</Th>
                    <Th inset align="right">
                      Points
                    </Th>
                    <Th align="right">Commission</Th>
                  </tr>
                </TableHead>
                <TableBody>
                  {mine.referrals.map((r) => (
                    <tr key={r.id}>
                      <Td>
                        <p className="font-medium text-ink-900">{r.name}</p>
                        <p className="text-xs text-ink-500">{r.maskedEmail}</p>
                      </Td>
                      <Td inset className="whitespace-nowrap text-ink-600">
                        {formatDate(r.referredAt)}
                      </Td>
                      <Td inset className="font-mono text-xs text-ink-700">
                        {r.code}
                      </Td>
                      <Td inset>
                        <ReferralStatusBadge status={r.status} />
                      </Td>
                      <Td inset align="right" className="font-medium text-ink-900">
                        <Points referral={r} />
                      </Td>
                      <Td numeric className="font-medium text-ink-900">
                        <MoneyByCurrency amounts={r.commissionByCurrency} />
                      </Td>
                    </tr>
                  ))}
                </TableBody>
              </Table>
            </TableScroll>
            {mine.totalPages > 1 ? (
              <nav
                aria-label="Pages"
                className="flex items-center justify-between border-t border-ink-100 px-5 py-3"
              >
                {mine.page > 1 ? (
                  <ButtonLink
                    href={`/dashboard/referrals?page=${mine.page - 1}`}
                    variant="secondary"
                    size="sm"
                  >
                    ← Newer
                  </ButtonLink>
                ) : (
                  <span />
                )}
                <span className="text-sm text-ink-500">
                  {(mine.page - 1) * PER_PAGE + 1}–{Math.min(mine.page * PER_PAGE, totals.referrals)} of{" "}
                  {formatPoints(totals.referrals)}
                </span>
                {mine.page < mine.totalPages ? (
                  <ButtonLink
                    href={`/dashboard/referrals?page=${mine.page + 1}`}
                    variant="secondary"
                    size="sm"
                  >
                    Older →
                  </ButtonLink>
                ) : (
                  <span />
                )}
              </nav>
            ) : null}
          </>
        ) : (
          <CardEmptyState
            title="No referrals yet"
            text="Share your code or invite link: everyone who joins with it shows up here, with the points and commission it earns you."
            action={<ButtonLink href="/dashboard">Get your invite link</ButtonLink>}
          />
        )}
      </Card>

      {totals.referrals > 0 ? <SignupsBySourceCard bySource={bySource} /> : null}
    </div>
  );
}
