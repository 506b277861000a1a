import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CodeStatusBadge } from "@/components/referrals/code-status-badge";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CardList, CardEmptyState } from "@/components/ui/card-list";
import { StatCard } from "@/components/ui/stat-card";
import { Table, TableBody, TableHead, TableScroll, Td, Th } from "@/components/ui/table";
import { pageContext } from "@/lib/auth/page-context";
import { bpsLabel } from "@/lib/commissions/calculate-commission";
import { OtherCurrencies } from "@/components/commissions/other-currencies";
import { formatDate, formatMoney } from "@/lib/format";
import { getClientDetail } from "@/lib/queries/admin-clients";
import { codeUsability, ownerCanRefer } from "@/lib/referrals/code-usability";
import { reportQueryString } from "@/lib/validation/referral-report";
import { clientPageParamsSchema } from "@/lib/validation/clients";
import { statusTone } from "../status";
import { PartnerControl } from "./partner-control";
import { StatusControl } from "./status-control";
import { MoneyLabel } from "@/components/commissions/money-label";

export const metadata: Metadata = { title: "Client" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export default async function AdminClientPage({ params }: Props) {
  const { id: raw } = await params;
  const { db } = await pageContext(`/admin/clients/${encodeURIComponent(raw)}`, "admin");
  const parsed = clientPageParamsSchema.safeParse({ id: raw });
  if (!parsed.success) notFound();
  const client = await getClientDetail(db, parsed.data.id);
  if (!client) notFound();
  const now = new Date();
  const reportHref = `/admin?${reportQueryString({ referrer: client.email })}`;

  return (
    <div className="page-container">
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/admin/clients" className="text-brand-700 hover:underline">
          ← All clients
        </Link>
      </nav>
      <div className="mb-8 flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight text-ink-900 sm:text-3xl">
            {client.name}
            <Badge tone={statusTone(client.status)} data-testid="client-status">
              {client.status}
            </Badge>
          </h1>
          <p className="mt-1 break-all text-ink-600">{client.email}</p>
          <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm text-ink-600">
            <div className="flex gap-1.5">
              <dt>Account</dt>
              <dd className="font-mono text-ink-900">{client.accountNumber ?? "—"}</dd>
            </div>
            <div className="flex gap-1.5">
              <dt>Joined</dt>
              <dd className="text-ink-900">{formatDate(client.createdAt)}</dd>
            </div>
            <div className="flex gap-1.5">
              <dt>Last sign-in</dt>
              <dd className="text-ink-900">
                {client.lastSignInAt ? formatDate(client.lastSignInAt) : "Never"}
              </dd>
            </div>
            {client.phone ? (
              <div className="flex gap-1.5">
                <dt>Phone</dt>
                <dd className="text-ink-900">{client.phone}</dd>
              </div>
            ) : null}
            <div className="flex gap-1.5">
              <dt>Referred by</dt>
              <dd className="text-ink-900">
                {client.referredBy ? (
                  <>
                    <Link
                      href={`/admin/clients/${client.referredBy.id}`}
                      className="text-brand-700 hover:underline"
                    >
                      {client.referredBy.name}
                    </Link>
                    {client.referredBy.code ? (
                      <span className="ml-1 font-mono text-xs">({client.referredBy.code})</span>
                    ) : null}
                  </>
                ) : (
                  "Nobody"
                )}
              </dd>
            </div>
          </dl>
          {client.mustChangePassword ? (
            <p className="mt-2 text-sm text-amber-800">Still on a temporary password.</p>
          ) : null}
        </div>
        <StatusControl client={{ id: client.id, name: client.name, status: client.status }} />
      </div>

      <section aria-label="Numbers" className="mb-8 grid grid-cols-2 gap-4 lg:grid-cols-5">
        <StatCard
          testId="client-referrals"
          label="Referrals"
          value={client.stats.referrals.toLocaleString("en-US")}
          note={`${client.stats.inReview.toLocaleString("en-US")} in review`}
        />
        <StatCard
          testId="client-clicks"
          label="Link clicks"
          value={client.stats.clicks.toLocaleString("en-US")}
          note="All codes"
        />
        <StatCard
          testId="client-on-hold"
          label={<MoneyLabel state="onHold" />}
          value={formatMoney(client.stats.onHoldCents)}
          note="Commission in its hold"
        />
        <StatCard
          testId="client-approved"
          label={<MoneyLabel state="approved" />}
          value={formatMoney(client.stats.approvedCents)}
          note="Past the hold, not yet paid"
        />
        <StatCard
          testId="client-paid"
          label={<MoneyLabel state="paid" />}
          value={formatMoney(client.stats.paidCents)}
          note={`${client.pointsBalance.toLocaleString("en-US")} points`}
        />
      </section>
      <OtherCurrencies
        balances={client.otherCurrencies}
        className="mb-8 rounded-card border border-ink-200 bg-white px-5 py-4 shadow-card"
      />

      <Card className="mb-8" role="region" aria-labelledby="partner-title">
        <CardHeader>
          <CardTitle id="partner-title">Partner</CardTitle>
          <CardDescription>
            {client.ownOverrideBps
              ? `${client.name} is a partner too: it earns ${bpsLabel(client.ownOverrideBps)} on its members' referrals' payments.`
              : "The white-label agency this client belongs to."}
          </CardDescription>
        </CardHeader>
        <CardBody>
          <PartnerControl clientId={client.id} partner={client.partner} />
        </CardBody>
      </Card>

      <Card className="mb-8" role="region" aria-labelledby="codes-title">
        <CardHeader>
          <CardTitle id="codes-title">Codes</CardTitle>
        </CardHeader>
        {client.codes.length ? (
          <TableScroll aria-label="Codes table">
            <Table className="min-w-[40rem]">
              <TableHead>
                <tr>
                  <Th>Code</Th>
                  <Th>State</Th>
                  <Th align="right">Uses</Th>
                  <Th align="right">Clicks</Th>
                  <Th>Expires</Th>
                  <Th>Campaign</Th>
                </tr>
              </TableHead>
              <TableBody>
                {client.codes.map((c) => {
                  const usability = codeUsability(c, now);
                  // The code's own state first; an otherwise usable code of a blocked owner says why it won't work.
                  const status =
                    usability === "active" && !ownerCanRefer({ role: "client", status: client.status })
                      ? "owner_suspended"
                      : usability;
                  return (
                    <tr key={c.id}>
                      <Td>
                        <p className="font-mono font-semibold text-ink-900">{c.code}</p>
                        {c.codeName ? <p className="text-xs text-ink-500">{c.codeName}</p> : null}
                      </Td>
                      <Td>
                        <CodeStatusBadge status={status} />
                      </Td>
                      <Td numeric>
                        {c.usageCount} / {c.usageLimit ?? "∞"}
                      </Td>
                      <Td numeric>{c.clicks.toLocaleString("en-US")}</Td>
                      <Td>{c.expiresAt ? formatDate(c.expiresAt) : "Never"}</Td>
                      <Td className="text-ink-600">{c.campaignName ?? "—"}</Td>
                    </tr>
                  );
                })}
              </TableBody>
            </Table>
          </TableScroll>
        ) : (
          <CardEmptyState title="No codes" text="This client has no referral codes." />
        )}
      </Card>

      <Card role="region" aria-labelledby="referrals-title">
        <CardHeader className="sm:flex-row sm:items-center sm:justify-between">
          <CardTitle id="referrals-title">Latest referrals</CardTitle>
          {client.stats.referrals ? (
            <ButtonLink href={reportHref} variant="secondary" size="sm">
              All {client.stats.referrals.toLocaleString("en-US")} in reports
            </ButtonLink>
          ) : null}
        </CardHeader>
        <CardList
          items={client.recentReferrals}
          empty={{ title: "No referrals yet", text: "Nobody has signed up with this client's codes." }}
        >
          {(r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3 text-sm">
              <div className="min-w-0">
                <Link
                  href={`/admin/clients/${r.referredId}`}
                  className="font-medium text-ink-900 hover:text-brand-700 hover:underline"
                >
                  {r.referredName}
                </Link>
                <p className="truncate text-ink-500">{r.referredEmail}</p>
              </div>
              <div className="flex flex-wrap items-center gap-3 text-ink-600">
                {r.isFlagged ? <Badge tone="warning">Flagged</Badge> : null}
                {r.commissionPaid ? <Badge tone="success">Paid</Badge> : null}
                <span className="tabular-nums">{formatMoney(r.commissionAmountCents)}</span>
                <span className="font-mono text-xs">{r.codeUsed}</span>
                <span>{formatDate(r.usedAt)}</span>
              </div>
            </li>
          )}
        </CardList>
      </Card>
    </div>
  );
}
