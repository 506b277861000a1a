import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import { payoutBatches, payouts, users, userStatus } from "@/db/schema";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import { timestampParam as timestamp } from "@/db/sql-values";
import type { DbOrTx } from "@/db/types";
import { inCommissionBucket, sumCommissionBucket } from "@/lib/commissions/commission-buckets";
import { awaitingPayout, isPayableBalance } from "@/lib/commissions/payable";
import { BASE_CURRENCY } from "@/lib/money/currencies";
import { getSetting } from "@/lib/settings";

export type Balance = {
  userId: number;
  name: string;
  email: string;
  status: "active" | "suspended" | "inactive";
  /** Balances are per currency: a referrer earning in usd and eur has two. */
  currency: string;
  approvedCents: number;
  commissionCount: number;
};

export type CurrencyTotals = {
  currency: string;
  pendingCents: number;
  approvedCents: number;
  paidCents: number;
};

export type PayoutsOverview = {
  minimumCents: number;
  holdDays: number;
  /** Program totals per currency (base currency first), never added across currencies. */
  totals: CurrencyTotals[];
  dueForApproval: number;
  /** Active referrers whose approved balance reaches the minimum: what the next batch pays. */
  payable: Balance[];
  /** Everyone else with an approved balance (below the minimum, negative, or a suspended account). */
  carried: Balance[];
  batches: (typeof payoutBatches.$inferSelect & { lines: number; createdByName: string | null })[];
};

/** /admin/payouts: approved balances by referrer, program totals and the batches so far. */
export async function getPayoutsOverview(db: DbOrTx, now: Date): Promise<PayoutsOverview> {
  const [minimumCents, holdDays] = await Promise.all([
    getSetting(db, "minimumPayoutCents"),
    getSetting(db, "commissionHoldDays"),
  ]);
  const at = timestamp(now);
  const totals = rowsAs(
    await db.execute(sql`
      SELECT c.currency,
             ${sumCommissionBucket("onHold")} AS pending,
             ${sumCommissionBucket("approved")} AS approved,
             ${sumCommissionBucket("paid")} AS paid,
             count(*) FILTER (WHERE ${inCommissionBucket("onHold")} AND c.hold_until <= ${at}) AS due
        FROM commissions c
       GROUP BY c.currency
       ORDER BY c.currency <> ${BASE_CURRENCY}, c.currency`),
    z.object({
      currency: col.text,
      pending: col.sumCents,
      approved: col.sumCents,
      paid: col.sumCents,
      due: col.int,
    }),
  );
  const balances = rowsAs(
    await db.execute(sql`
      SELECT u.id AS user_id, u.name, u.email, u.status, c.currency,
             sum(c.amount_cents) AS cents, count(*) AS n
        FROM commissions c JOIN users u ON u.id = c.beneficiary_user_id
       WHERE ${awaitingPayout("c")}
       GROUP BY u.id, u.name, u.email, u.status, c.currency
       ORDER BY c.currency <> ${BASE_CURRENCY}, c.currency, sum(c.amount_cents) DESC, u.name`),
    z.object({
      user_id: col.int,
      name: col.text,
      email: col.text,
      status: z.enum(userStatus.enumValues),
      currency: col.text,
      cents: col.cents,
      n: col.int,
    }),
  ).map((r): Balance => ({
    userId: r.user_id,
    name: r.name,
    email: r.email,
    status: r.status,
    currency: r.currency,
    approvedCents: r.cents,
    commissionCount: r.n,
  }));
  const isPayable = (b: Balance) => isPayableBalance(b, minimumCents);
  const batches = await db
    .select({
      batch: payoutBatches,
      lines: sql<number>`(SELECT count(*) FROM payouts p WHERE p.batch_id = payout_batches.id)::int`,
      createdByName: users.name,
    })
    .from(payoutBatches)
    .leftJoin(users, eq(users.id, payoutBatches.createdByUserId))
    .orderBy(desc(payoutBatches.createdAt), desc(payoutBatches.id))
    .limit(50);
  return {
    minimumCents,
    holdDays,
    totals: totals.map((t) => ({
      currency: t.currency,
      pendingCents: Number(t.pending ?? 0),
      approvedCents: Number(t.approved ?? 0),
      paidCents: Number(t.paid ?? 0),
    })),
    dueForApproval: totals.reduce((n, t) => n + Number(t.due ?? 0), 0),
    payable: balances.filter(isPayable),
    carried: balances.filter((b) => !isPayable(b) && b.approvedCents !== 0),
    batches: batches.map((b) => ({ ...b.batch, lines: Number(b.lines), createdByName: b.createdByName })),
  };
}

export type PayoutLine = {
  payoutId: number;
  userId: number;
  name: string;
  email: string;
  accountNumber: string | null;
  currency: string;
  amountCents: number;
  commissionCount: number;
};

export async function getPayoutBatch(
  db: DbOrTx,
  batchId: number,
): Promise<{
  batch: typeof payoutBatches.$inferSelect;
  createdByName: string | null;
  lines: PayoutLine[];
} | null> {
  const [row] = await db
    .select({ batch: payoutBatches, createdByName: users.name })
    .from(payoutBatches)
    .leftJoin(users, eq(users.id, payoutBatches.createdByUserId))
    .where(eq(payoutBatches.id, batchId));
  if (!row) return null;
  const lines = await db
    .select({
      payoutId: payouts.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      accountNumber: users.accountNumber,
      currency: payouts.currency,
      amountCents: payouts.amountCents,
      commissionCount: payouts.commissionCount,
    })
    .from(payouts)
    .innerJoin(users, eq(users.id, payouts.beneficiaryUserId))
    .where(eq(payouts.batchId, batchId))
    .orderBy(asc(users.name), asc(payouts.currency), asc(payouts.id));
  return { batch: row.batch, createdByName: row.createdByName, lines };
}
