import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { RowHeader, Table, TableBody, TableHead, TableScroll, Td, Th } from "@/components/ui/table";
import { pageContext } from "@/lib/auth/page-context";
import { formatBatchTotals, formatDate, formatMoney } from "@/lib/format";
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
  const { db } = await pageContext(`/admin/payouts/${id}`, "admin");
  const batchId = /^[1-9][0-9]{0,8}$/.test(id) ? Number(id) : null;
  const found = batchId ? await getPayoutBatch(db, batchId) : null;
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
    <div className="page-container">
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
        <StatCard label="Total" value={formatBatchTotals(batch.currencyTotals)} />
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
        <TableScroll>
          <Table>
            <TableHead>
              <tr>
                <Th>Referrer</Th>
                <Th className="hidden md:table-cell">Account</Th>
                <Th align="right" className="hidden sm:table-cell">
                  Commissions
                </Th>
                <Th align="right">Amount</Th>
              </tr>
            </TableHead>
            <TableBody>
              {lines.map((line) => (
                <tr key={line.payoutId}>
                  <Td>
                    <p className="font-medium text-ink-900">{line.name}</p>
                    <p className="text-xs break-all text-ink-500">{line.email}</p>
                  </Td>
                  <Td className="hidden font-mono text-xs text-ink-600 md:table-cell">
                    {line.accountNumber ?? "—"}
                  </Td>
                  <Td numeric className="hidden sm:table-cell">
                    {line.commissionCount}
                  </Td>
                  <Td numeric className="font-medium">
                    {formatMoney(line.amountCents, line.currency)}
                  </Td>
                </tr>
              ))}
            </TableBody>
            <tfoot className="border-t border-ink-200">
              <tr>
                <RowHeader className="text-left text-ink-700">Total</RowHeader>
                <td className="hidden md:table-cell" />
                <td className="hidden sm:table-cell" />
                <Td numeric className="font-semibold">
                  {formatBatchTotals(batch.currencyTotals)}
                </Td>
              </tr>
            </tfoot>
          </Table>
        </TableScroll>
      </Card>
    </div>
  );
}
