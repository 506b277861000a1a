import { asc, eq } from "drizzle-orm";
import { payoutBatches, payouts, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { csvLines } from "@/lib/csv";
import { notFound } from "@/lib/errors";
import { centsToDecimal } from "@/lib/format";

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
 * The batch as finance needs it (RFC 4180, UTF-8, header row): one line per referrer with the net
 * amount to send. One line per referrer keeps it small, so it is built in memory (lib/csv.ts,
 * csv-stringify).
 */
export async function payoutBatchCsv(
  db: DbOrTx,
  batchId: number,
): Promise<{ filename: string; csv: string }> {
  const [batch] = await db.select().from(payoutBatches).where(eq(payoutBatches.id, batchId));
  if (!batch) throw notFound("Payout batch");
  const lines = await db
    .select({
      payoutId: payouts.id,
      referrerId: users.id,
      name: users.name,
      email: users.email,
      accountNumber: users.accountNumber,
      amountCents: payouts.amountCents,
      count: payouts.commissionCount,
    })
    .from(payouts)
    .innerJoin(users, eq(users.id, payouts.beneficiaryUserId))
    .where(eq(payouts.batchId, batchId))
    .orderBy(asc(users.name), asc(payouts.id));
  // csvLines neutralises every text cell against formula injection (names, e-mails, the reference).
  const csv = csvLines([
    [...PAYOUT_CSV_COLUMNS],
    ...lines.map((line) => [
      batch.id,
      batch.status,
      line.payoutId,
      line.referrerId,
      line.name,
      line.email,
      line.accountNumber,
      centsToDecimal(line.amountCents),
      line.amountCents,
      "USD",
      line.count,
      batch.reference,
      batch.paidAt?.toISOString() ?? "",
    ]),
  ]);
  return { filename: `payout-batch-${batch.id}.csv`, csv };
}
