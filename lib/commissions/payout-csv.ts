import type { DbOrTx } from "@/db/types";
import { csvLines } from "@/lib/csv";
import { notFound } from "@/lib/errors";
import { centsToDecimal } from "@/lib/format";
import { getPayoutBatch } from "@/lib/queries/payouts";

export const PAYOUT_CSV_COLUMNS = [
  "batch_id",
  "batch_status",
  "payout_id",
  "referrer_id",
  "referrer_name",
  "referrer_email",
  "account_number",
  "amount",
  "amount_cents",
  "currency",
  "commissions",
  "reference",
  "paid_at",
] as const;

/**
 * The batch as finance needs it (RFC 4180, UTF-8, header row): one line per referrer and currency with
 * the net amount to send (`amount` in major units with the currency's ISO 4217 decimals, `amount_cents`
 * in its minor units, `currency` its upper-case code). One line per referrer keeps it small, so it is built in memory (lib/csv.ts,
 * csv-stringify). The lines are the batch page's (getPayoutBatch), so the file and the page agree.
 */
export async function payoutBatchCsv(
  db: DbOrTx,
  batchId: number,
): Promise<{ filename: string; csv: string }> {
  const found = await getPayoutBatch(db, batchId);
  if (!found) throw notFound("Payout batch");
  const { batch, lines } = found;
  // csvLines neutralises every text cell against formula injection (names, e-mails, the reference).
  const csv = csvLines([
    [...PAYOUT_CSV_COLUMNS],
    ...lines.map((line) => [
      batch.id,
      batch.status,
      line.payoutId,
      line.userId,
      line.name,
      line.email,
      line.accountNumber,
      centsToDecimal(line.amountCents, line.currency),
      line.amountCents,
      line.currency.toUpperCase(),
      line.commissionCount,
      batch.reference,
      batch.paidAt?.toISOString() ?? "",
    ]),
  ]);
  return { filename: `payout-batch-${batch.id}.csv`, csv };
}
