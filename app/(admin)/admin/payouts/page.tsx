import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CardList, CardEmptyState } from "@/components/ui/card-list";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { pageContext } from "@/lib/auth/page-context";
import { getCommissionSettings } from "@/lib/commissions/update-settings";
import { formatBatchTotals, formatDate, formatMoney, formatMoneyByCurrency } from "@/lib/format";
import { getPayoutsOverview, type CurrencyTotals } from "@/lib/queries/payouts";
import { centsToInput } from "@/lib/validation/money";
import { BatchStatusBadge } from "./batch-status-badge";
import { ApproveDueButton, CommissionSettingsForm, CreateBatchForm } from "./payout-forms";
import { MoneyLabel } from "@/components/commissions/money-label";

export const metadata: Metadata = { title: "Payouts" };
export const dynamic = "force-dynamic";

export default async function PayoutsPage() {
  const { db } = await pageContext("/admin/payouts", "admin");
  const [overview, settings] = await Promise.all([
    getPayoutsOverview(db, new Date()),
    getCommissionSettings(db),
  ]);
  const { totals } = overview;

  return (
    <div className="page-container">
      <PageHeader
        title="Payouts"
        description={`Commissions are held ${overview.holdDays} days, then approved; approved balances of ${formatMoney(overview.minimumCents)} or more are paid in batches.`}
      />

      <section aria-label="Totals" className="mb-8 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatCard
          label={<MoneyLabel state="onHold" />}
          value={byCurrency(totals, "pendingCents")}
          note={`${overview.dueForApproval} past their hold`}
        />
        <StatCard
          label={<MoneyLabel state="approved" />}
          value={byCurrency(totals, "approvedCents")}
          note="All referrers and levels (direct, partner, bonus); refunds after payout netted"
        />
        <StatCard
          label={<MoneyLabel state="paid" />}
          value={byCurrency(totals, "paidCents")}
          note="All batches"
        />
        <StatCard
          label="Minimum payout"
          value={formatMoney(overview.minimumCents)}
          note="Per referrer, currency and batch: the same number of units in every currency"
        />
      </section>

      <Card className="mb-8" role="region" aria-labelledby="approval">
        <CardBody className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <div>
            <h2 id="approval" className="text-base font-semibold text-ink-900">
              Approval
            </h2>
            <p className="text-sm text-ink-600">
              The approval job runs every 10 minutes. Commissions of referrals waiting for review stay on
              hold.
            </p>
          </div>
          <ApproveDueButton due={overview.dueForApproval} />
        </CardBody>
      </Card>

      <Card className="mb-8" role="region" aria-labelledby="ready-to-pay">
        <CardHeader>
          <CardTitle id="ready-to-pay">Ready to pay</CardTitle>
          <CardDescription>
            Approved balances of active referrers at or above the minimum payout.
          </CardDescription>
        </CardHeader>
        {overview.payable.length ? (
          <CreateBatchForm balances={overview.payable} />
        ) : (
          <CardEmptyState
            title="Nobody to pay yet"
            text={`No referrer has ${formatMoney(overview.minimumCents)} approved. Commissions are approved when their hold ends.`}
          />
        )}
      </Card>

      {overview.carried.length ? (
        <Card className="mb-8" role="region" aria-labelledby="carried">
          <CardHeader>
            <CardTitle id="carried">Carried to a later batch</CardTitle>
            <CardDescription>
              Balances below the minimum, negative balances from refunds after payout, and suspended accounts.
            </CardDescription>
          </CardHeader>
          <ul className="divide-y divide-ink-100">
            {overview.carried.map((b) => (
              <li
                key={`${b.userId}-${b.currency}`}
                className="flex flex-wrap items-center justify-between gap-2 px-5 py-3 text-sm"
              >
                <div className="min-w-0">
                  <p className="font-medium text-ink-900">{b.name}</p>
                  <p className="text-xs break-all text-ink-500">{b.email}</p>
                </div>
                <div className="flex items-center gap-3">
                  {b.status !== "active" ? <Badge tone="warning">{b.status}</Badge> : null}
                  {b.approvedCents < 0 ? <Badge tone="danger">Owes</Badge> : null}
                  <span className="font-medium tabular-nums">{formatMoney(b.approvedCents, b.currency)}</span>
                </div>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <Card className="mb-8" role="region" aria-labelledby="batches">
        <CardHeader>
          <CardTitle id="batches">Batches</CardTitle>
        </CardHeader>
        <CardList
          items={overview.batches}
          empty={{ title: "No batches yet", text: "Create one from the referrers ready to pay." }}
        >
          {(batch) => (
            <li
              key={batch.id}
              className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 text-sm"
            >
              <div className="min-w-0">
                <Link
                  href={`/admin/payouts/${batch.id}`}
                  className="font-semibold text-ink-900 underline-offset-2 hover:text-brand-700 hover:underline"
                >
                  Batch #{batch.id}
                </Link>
                <p className="text-xs text-ink-500">
                  {formatDate(batch.createdAt)}
                  {batch.createdByName ? ` by ${batch.createdByName}` : ""} · {batch.lines} referrer
                  {batch.lines === 1 ? "" : "s"}
                  {batch.reference ? ` · ref ${batch.reference}` : ""}
                </p>
              </div>
              <div className="flex items-center gap-3">
                <BatchStatusBadge status={batch.status} />
                <span className="font-medium tabular-nums">{formatBatchTotals(batch.currencyTotals)}</span>
              </div>
            </li>
          )}
        </CardList>
      </Card>

      <Card role="region" aria-labelledby="settings">
        <CardHeader>
          <CardTitle id="settings">Commission settings</CardTitle>
          <CardDescription>Stored settings win over environment variables.</CardDescription>
        </CardHeader>
        <CardBody className="max-w-3xl">
          <CommissionSettingsForm
            values={{
              holdDays: String(settings.commissionHoldDays),
              minimumPayout: centsToInput(settings.minimumPayoutCents),
              retentionMonths: String(settings.retentionBonusMonths),
              retentionBonus: centsToInput(settings.retentionBonusCents),
            }}
          />
        </CardBody>
      </Card>
    </div>
  );
}

/** One bucket of the program totals, one amount per currency (never summed across currencies). */
function byCurrency(totals: CurrencyTotals[], bucket: "pendingCents" | "approvedCents" | "paidCents") {
  return formatMoneyByCurrency(totals.map((t) => ({ currency: t.currency, cents: t[bucket] })));
}
