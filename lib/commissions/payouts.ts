import { eventsFromRowsSql, recordEvent } from "@/lib/events/record-event";
import { payoutBatchCreatedJson } from "@/lib/events/resource-json";
import { and, eq, inArray, sql } from "drizzle-orm";
import { commissions, payoutBatches, payouts } from "@/db/schema";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import { timestampParam as timestamp } from "@/db/sql-values";
import type { DbOrTx, Tx } from "@/db/types";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { DomainError, notFound } from "@/lib/errors";
import { centsToDecimal } from "@/lib/format";
import { getSetting } from "@/lib/settings";
import { BASE_CURRENCY } from "@/lib/money/currencies";
import { awaitingPayout, minimumByCurrency, payableAmountSql } from "./payable";
import { syncReferralSummaries } from "./referral-summary";

export type PayoutBatch = typeof payoutBatches.$inferSelect;

const PAYOUT_BATCH_LOCK = 727_401;

/**
 * A payout batch: every active referrer (or the ones chosen) whose approved balance in a currency —
 * approved commissions not yet in a batch, negative reversals carried forward included — reaches the
 * minimum payout in that currency (minimumInCurrency) gets one line per currency with that net amount,
 * and those commissions join the batch. Balances below
 * the minimum, or negative, wait for the next batch.
 *
 * Set-based and race-free: batch creation is serialised by an advisory lock; lines are computed in SQL,
 * then commissions are claimed with a conditional UPDATE (`awaitingPayout`, re-checked under the row lock), and each line is recomputed from what it actually claimed. A
 * concurrent refund or rejection can therefore only make a line smaller; a line that fell under the
 * minimum is dropped again.
 */
export async function createPayoutBatch(
  db: DbOrTx,
  opts: { beneficiaryIds?: number[] },
  actor: AuditActor,
  now: Date = new Date(),
): Promise<{ batch: PayoutBatch; lines: number }> {
  return db.transaction(async (tx) => {
    // One batch at a time: two admins clicking at once would otherwise claim rows in opposite orders.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${PAYOUT_BATCH_LOCK})`);
    const minimum = await getSetting(tx, "minimumPayoutCents");
    const at = timestamp(now);
    const chosen = opts.beneficiaryIds;
    if (chosen && !chosen.length) throw nothingToPay(minimum);
    const [batch] = await tx
      .insert(payoutBatches)
      .values({ status: "open", totalCents: 0, createdByUserId: actor.actorUserId, createdAt: now })
      .returning();
    const onlyChosen = chosen
      ? sql`AND c.beneficiary_user_id IN (${sql.join(
          chosen.map((id) => sql`${id}`),
          sql`, `,
        )})`
      : sql``;
    // One line per referrer and currency: balances in two currencies are two lines, never one sum.
    const currencies = rowsAs(
      await tx.execute(
        sql`SELECT DISTINCT c.currency FROM commissions c WHERE ${awaitingPayout("c")} ${onlyChosen}`,
      ),
      z.object({ currency: col.text }),
    ).map((r) => r.currency);
    const minimumOf = (ref: string) => minimumByCurrency(ref, currencies, minimum);
    await tx.execute(sql`
      INSERT INTO payouts (batch_id, beneficiary_user_id, currency, amount_cents, commission_count, created_at)
      SELECT ${batch.id}, c.beneficiary_user_id, c.currency, sum(c.amount_cents), count(*), ${at}
        FROM commissions c
        JOIN users u ON u.id = c.beneficiary_user_id AND u.status = 'active'
       WHERE ${awaitingPayout("c")} ${onlyChosen}
       GROUP BY c.beneficiary_user_id, c.currency
      HAVING ${payableAmountSql(sql`sum(c.amount_cents)`, minimumOf("c"))}`);
    await tx.execute(sql`
      UPDATE commissions c SET payout_id = p.id, updated_at = ${at}
        FROM payouts p
       WHERE p.batch_id = ${batch.id}
         AND c.beneficiary_user_id = p.beneficiary_user_id
         AND c.currency = p.currency
         AND ${awaitingPayout("c")}`);
    await tx.execute(sql`
      UPDATE payouts p SET amount_cents = s.cents, commission_count = s.n
        FROM (SELECT payout_id, sum(amount_cents) AS cents, count(*)::int AS n
                FROM commissions WHERE payout_id IN (SELECT id FROM payouts WHERE batch_id = ${batch.id})
               GROUP BY payout_id) s
       WHERE p.id = s.payout_id`);
    const short = rowsAs(
      await tx.execute(sql`
        SELECT p.id FROM payouts p
         WHERE p.batch_id = ${batch.id}
           AND (NOT ${payableAmountSql(sql`p.amount_cents`, minimumOf("p"))}
                OR NOT EXISTS (SELECT 1 FROM commissions c WHERE c.payout_id = p.id))`),
      z.object({ id: col.int }),
    ).map((r) => r.id);
    if (short.length) {
      await tx.update(commissions).set({ payoutId: null }).where(inArray(commissions.payoutId, short));
      await tx.delete(payouts).where(inArray(payouts.id, short));
    }
    const perCurrency = await tx
      .select({
        currency: payouts.currency,
        lines: sql<number>`count(*)::int`,
        total: sql<string>`sum(${payouts.amountCents})`,
      })
      .from(payouts)
      .where(eq(payouts.batchId, batch.id))
      .groupBy(payouts.currency)
      .orderBy(payouts.currency);
    const lines = perCurrency.reduce((n, r) => n + Number(r.lines), 0);
    if (!lines) throw nothingToPay(minimum);
    const totals = Object.fromEntries(perCurrency.map((r) => [r.currency, Number(r.total)]));
    const [saved] = await tx
      .update(payoutBatches)
      .set({ totalCents: totals[BASE_CURRENCY] ?? 0, currencyTotals: totals })
      .where(eq(payoutBatches.id, batch.id))
      .returning();
    await writeAudit(tx, actor, {
      action: "payout_batch.created",
      entityType: "payout_batch",
      entityId: batch.id,
      details: { lines, totalCents: totals[BASE_CURRENCY] ?? 0, totals, minimumCents: minimum },
    });
    await recordEvent(tx, "payout_batch.created", payoutBatchCreatedJson(saved, lines));
    return { batch: saved, lines };
  });
}

const nothingToPay = (minimum: number) =>
  new DomainError(
    "nothing_to_pay",
    `No referrer has an approved balance of at least ${centsToDecimal(minimum)} to pay out`,
    { status: 409 },
  );

/** Finance sent the money: the batch is paid with its bank reference, and its commissions become `paid`. */
export async function markPayoutBatchPaid(
  db: DbOrTx,
  batchId: number,
  reference: string,
  actor: AuditActor,
  now: Date = new Date(),
): Promise<PayoutBatch> {
  return db.transaction(async (tx) => {
    const batch = await closeOpenBatch(tx, batchId, { status: "paid", reference, paidAt: now });
    const inBatch = sql`SELECT id FROM payouts WHERE batch_id = ${batchId}`;
    // The commissions become paid and each one's commission.paid event is recorded, in one statement.
    await tx.execute(sql`
      WITH paid AS (
        UPDATE commissions SET status = 'paid', updated_at = ${timestamp(now)}
         WHERE payout_id IN (${inBatch}) AND status = 'approved'
        RETURNING *
      )
      ${eventsFromRowsSql("commission.paid", sql`paid`)}`);
    await recordEvent(tx, "payout.paid", batch);
    await syncReferralSummaries(
      tx,
      sql`SELECT referral_id FROM commissions WHERE payout_id IN (${inBatch}) AND referral_id IS NOT NULL`,
    );
    await writeAudit(tx, actor, {
      action: "payout_batch.paid",
      entityType: "payout_batch",
      entityId: batchId,
      details: { reference, totalCents: batch.totalCents, totals: batch.currencyTotals },
    });
    return batch;
  });
}

/** An open batch is withdrawn: its commissions return to the approved balances for the next batch. */
export async function cancelPayoutBatch(
  db: DbOrTx,
  batchId: number,
  actor: AuditActor,
  now: Date = new Date(),
): Promise<PayoutBatch> {
  return db.transaction(async (tx) => {
    const batch = await closeOpenBatch(tx, batchId, { status: "canceled" });
    await tx
      .update(commissions)
      .set({ payoutId: null, updatedAt: now })
      .where(sql`${commissions.payoutId} IN (SELECT id FROM payouts WHERE batch_id = ${batchId})`);
    await writeAudit(tx, actor, {
      action: "payout_batch.canceled",
      entityType: "payout_batch",
      entityId: batchId,
      details: { totalCents: batch.totalCents, totals: batch.currencyTotals },
    });
    return batch;
  });
}

/**
 * An open batch becomes paid or canceled, once: the conditional update lets one of two concurrent clicks
 * through and tells the other what the batch already is.
 */
async function closeOpenBatch(
  tx: Tx,
  batchId: number,
  set: Pick<typeof payoutBatches.$inferInsert, "status" | "reference" | "paidAt">,
): Promise<PayoutBatch> {
  const [batch] = await tx
    .update(payoutBatches)
    .set(set)
    .where(and(eq(payoutBatches.id, batchId), eq(payoutBatches.status, "open")))
    .returning();
  if (!batch) throw await notOpen(tx, batchId);
  return batch;
}

async function notOpen(tx: Tx, batchId: number): Promise<DomainError> {
  const [batch] = await tx
    .select({ status: payoutBatches.status })
    .from(payoutBatches)
    .where(eq(payoutBatches.id, batchId));
  if (!batch) return notFound("Payout batch");
  return new DomainError("batch_not_open", `Payout batch #${batchId} is already ${batch.status}`, {
    status: 409,
  });
}
