import { stringify } from "csv-stringify/sync";
import { asc, eq } from "drizzle-orm";
import { payoutBatches, payouts, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
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
 * A spreadsheet opens a cell starting with = + - @ (or a tab / CR) as a formula: a referrer named
 * `=HYPERLINK(…)` must arrive as text. Prefixing an apostrophe is the usual neutralisation.
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The batch as finance needs it (RFC 4180, UTF-8, header row): one line per referrer with the net
 * amount to send. One line per referrer keeps it small, so it is built in memory by csv-stringify.
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
  const text = (value: string | null) => neutralizeCell(value ?? "");
  const csv = stringify(
    lines.map((line) => [
      batch.id,
      batch.status,
      line.payoutId,
      line.referrerId,
      text(line.name),
      text(line.email),
      text(line.accountNumber),
      centsToDecimal(line.amountCents),
      line.amountCents,
      "USD",
      line.count,
      text(batch.reference),
      batch.paidAt?.toISOString() ?? "",
    ]),
    { header: true, columns: [...PAYOUT_CSV_COLUMNS], record_delimiter: "\r\n" },
  );
  return { filename: `payout-batch-${batch.id}.csv`, csv };
}
