import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { getDb } from "@/db/client";
import { requirePageUser } from "@/lib/auth/session";
import { formatDate, formatMoney } from "@/lib/format";
import { getPayoutBatch } from "@/lib/queries/payouts";
import { BatchStatusBadge } from "../batch-status-badge";
import { CancelBatchButton, MarkPaidForm } from "../payout-forms";

export const metadata: Metadata = { title: "Payout batch" };
export const dynamic = "force-dynamic";

export default async function PayoutBatchPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string; paid?: string; canceled?: string }>;
}) {
  const { id } = await params;
  await requirePageUser(`/admin/payouts/${id}`, "admin");
  const batchId = /^[1-9][0-9]{0,8}$/.test(id) ? Number(id) : null;
  const found = batchId ? await getPayoutBatch(await getDb(), batchId) : null;
  if (!found) notFound();
  const { batch, lines, createdByName } = found;
  const flags = await searchParams;
  const notice =
    flags.paid && batch.status === "paid"
      ? `Batch marked as paid (reference ${batch.reference}).`
      : flags.canceled && batch.status === "canceled"
        ? "Batch canceled: its commissions are back in the approved balances."
        : flags.created && batch.status === "open"
          ? "Batch created. Download the CSV, send the money, then mark the batch as paid."
          : null;

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            Payout batch #{batch.id} <BatchStatusBadge status={batch.status} />
          </span>
        }
        description={`Created ${formatDate(batch.createdAt)}${createdByName ? ` by ${createdByName}` : ""}.`}
        actions={
          <>
            <ButtonLink href="/admin/payouts" variant="secondary">
              All payouts
            </ButtonLink>
            <ButtonLink href={`/api/admin/payout-batches/${batch.id}/csv`} prefetch={false} download>
              Download CSV
            </ButtonLink>
          </>
        }
      />
      {notice ? (
        <p
          role="status"
          className="mb-6 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-800"
        >
          {notice}
        </p>
      ) : null}

      <section
        aria-label="Batch totals"
        className="mb-8 grid grid-cols-2 gap-4 lg:grid-cols-3 [&>*:last-child]:col-span-2 lg:[&>*:last-child]:col-span-1"
      >
        <StatCard label="Total" value={formatMoney(batch.totalCents)} />
        <StatCard label="Referrers" value={lines.length} />
        <StatCard
          label={batch.status === "paid" ? "Paid" : "Status"}
          value={
            batch.status === "paid"
              ? formatDate(batch.paidAt)
              : batch.status === "open"
                ? "Awaiting payment"
                : "Canceled"
          }
          note={batch.reference ? `Reference ${batch.reference}` : undefined}
        />
      </section>

      {batch.status === "open" ? (
        <Card className="mb-8" role="region" aria-labelledby="pay-batch">
          <CardHeader className="flex-row items-center justify-between">
            <CardTitle id="pay-batch">Record the payment</CardTitle>
            <CancelBatchButton batchId={batch.id} />
          </CardHeader>
          <CardBody className="max-w-2xl">
            <MarkPaidForm batchId={batch.id} />
          </CardBody>
        </Card>
      ) : null}

      <Card role="region" aria-labelledby="batch-lines">
        <CardHeader>
          <CardTitle id="batch-lines">Referrers in this batch</CardTitle>
        </CardHeader>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-ink-200 text-xs tracking-wide text-ink-500 uppercase">
              <tr>
                <th scope="col" className="px-5 py-3 font-medium">
                  Referrer
                </th>
                <th scope="col" className="hidden px-5 py-3 font-medium md:table-cell">
                  Account
                </th>
                <th scope="col" className="hidden px-5 py-3 text-right font-medium sm:table-cell">
                  Commissions
                </th>
                <th scope="col" className="px-5 py-3 text-right font-medium">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-ink-100">
              {lines.map((line) => (
                <tr key={line.payoutId}>
                  <td className="px-5 py-3">
                    <p className="font-medium text-ink-900">{line.name}</p>
                    <p className="text-xs break-all text-ink-500">{line.email}</p>
                  </td>
                  <td className="hidden px-5 py-3 font-mono text-xs text-ink-600 md:table-cell">
                    {line.accountNumber ?? "—"}
                  </td>
                  <td className="hidden px-5 py-3 text-right tabular-nums sm:table-cell">
                    {line.commissionCount}
                  </td>
                  <td className="px-5 py-3 text-right font-medium tabular-nums">
                    {formatMoney(line.amountCents)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t border-ink-200">
              <tr>
                <th scope="row" className="px-5 py-3 text-left font-medium text-ink-700">
                  Total
                </th>
                <td className="hidden md:table-cell" />
                <td className="hidden sm:table-cell" />
                <td className="px-5 py-3 text-right font-semibold tabular-nums">
                  {formatMoney(batch.totalCents)}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      </Card>
    </div>
  );
}
