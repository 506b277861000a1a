import "server-only";
import { BASE_CURRENCY } from "@/lib/money/currencies";
import type { CurrencyBalance } from "@/lib/queries/currency-balances";
import { and, desc, eq, sql } from "drizzle-orm";
import { commissions, payments, referralUsageLog, users } from "@/db/schema";
import { col, rowsAs } from "@/db/rows";
import type { DbOrTx } from "@/db/types";
import { z } from "zod";
import { jsonRead, readJson, type JsonRead } from "@/db/json-batch";
import {
  commissionBucketRow,
  readCommissionBuckets,
  rollupBucketColumns,
  sumRollupBucket,
} from "@/lib/commissions/commission-buckets";
import { centsToDecimal } from "@/lib/format";
import { maskEmail } from "@/lib/privacy/mask";

/**
 * A beneficiary's money, summed from the commissions ledger (every level they earn: direct, bonus,
 * retention, and partner overrides for an agency) by the buckets of commission-buckets.ts: earned,
 * pending (= on hold, of which `inReview` wait on a flagged referral), approved, paid; earned =
 * pending + approved + paid, exactly; unpaid = pending + approved (the bucket of that name). `reversedCents`
 * is what reversal rows took back (positive).
 */
export type CommissionTotals = {
  earnedCents: number;
  pendingCents: number;
  inReviewCents: number;
  approvedCents: number;
  paidCents: number;
  unpaidCents: number;
  reversedCents: number;
  byLevel: { direct: number; partner: number; bonus: number; retention: number };
};

/** The dashboard's part of CommissionTotals: everything but `reversedCents`. */
export type CommissionBuckets = Omit<CommissionTotals, "reversedCents">;

/**
 * A beneficiary's buckets and earned-by-level from the commission_totals rollup (a few rows per level and
 * status, whatever the ledger's length), summed by the same BUCKET_STATUS as the ledger
 * (commission-buckets.ts). "In review" (on hold, waiting on a flagged referral) is its own rollup,
 * commission_in_review (migration 0011), kept as commissions and reviews change.
 */
export function commissionBucketsRead(userId: number): JsonRead<CommissionBuckets> {
  const query = sql`
    SELECT json_build_object(
      'buckets', (SELECT row_to_json(b) FROM (
                    SELECT ${rollupBucketColumns("t")},
                           ${sumRollupBucket("earned", "t", sql`t.level = 'direct'`)} AS direct,
                           ${sumRollupBucket("earned", "t", sql`t.level = 'partner'`)} AS partner,
                           ${sumRollupBucket("earned", "t", sql`t.level = 'bonus'`)} AS bonus,
                           ${sumRollupBucket("earned", "t", sql`t.level = 'retention'`)} AS retention
                      FROM commission_totals t WHERE t.beneficiary_user_id = ${userId}) b),
      'in_review', (SELECT amount_cents FROM commission_in_review WHERE beneficiary_user_id = ${userId}))`;
  const shape = z.object({
    buckets: commissionBucketRow
      .extend({ direct: col.sumCents, partner: col.sumCents, bonus: col.sumCents, retention: col.sumCents })
      .nullable(),
    in_review: col.sumCents,
  });
  return jsonRead(query, shape, (r) => {
    const buckets = readCommissionBuckets(r.buckets ?? undefined);
    return {
      earnedCents: buckets.earnedCents,
      pendingCents: buckets.onHoldCents,
      inReviewCents: r.in_review,
      approvedCents: buckets.approvedCents,
      paidCents: buckets.paidCents,
      unpaidCents: buckets.unpaidCents,
      byLevel: {
        direct: r.buckets?.direct ?? 0,
        partner: r.buckets?.partner ?? 0,
        bonus: r.buckets?.bonus ?? 0,
        retention: r.buckets?.retention ?? 0,
      },
    };
  });
}

/**
 * Every figure of CommissionTotals (GET /api/clients/:id/commissions): the buckets from the rollup
 * (commissionBucketsRead), and what reversals took back from commission_reversed (migration 0014: the
 * beneficiary's reversal rows in the earned bucket, kept by the commissions trigger) — one row read,
 * whatever the length of their history.
 */
export async function getCommissionTotals(db: DbOrTx, userId: number): Promise<CommissionTotals> {
  const [buckets, [reversed]] = await Promise.all([
    readJson(db, commissionBucketsRead(userId)),
    db
      .execute(
        sql`SELECT -amount_cents AS reversed FROM commission_reversed WHERE beneficiary_user_id = ${userId}`,
      )
      .then((result) => rowsAs(result, z.object({ reversed: col.sumCents }))),
  ]);
  return { ...buckets, reversedCents: reversed?.reversed ?? 0 };
}

/**
 * The seed's money fields for a referrer (strings such as "29.97", as the seed shows them) with the
 * exact `_cents` integers beside them. `commission_pending` is the seed's "earned, not yet paid": the
 * unpaid bucket (on hold plus approved).
 */
export function commissionTotalsJson(t: CommissionTotals) {
  const unpaid = t.unpaidCents;
  return {
    // These figures are the base currency's (usd); every currency's are under by_currency.
    currency: BASE_CURRENCY,
    total_commission_earned: centsToDecimal(t.earnedCents),
    commission_pending: centsToDecimal(unpaid),
    commission_on_hold: centsToDecimal(t.pendingCents),
    commission_approved: centsToDecimal(t.approvedCents),
    commission_paid: centsToDecimal(t.paidCents),
    total_commission_earned_cents: t.earnedCents,
    commission_pending_cents: unpaid,
    commission_on_hold_cents: t.pendingCents,
    commission_in_review_cents: t.inReviewCents,
    commission_approved_cents: t.approvedCents,
    commission_paid_cents: t.paidCents,
    commission_reversed_cents: t.reversedCents,
  };
}

/** The seed's per-referral fields, from the summaries kept on referral_usage_log. */
export function referralCommissionJson(row: {
  commissionAmountCents: number;
  commissionEligible: boolean;
  commissionPaid: boolean;
}) {
  return {
    commission_amount: centsToDecimal(row.commissionAmountCents),
    commission_amount_cents: row.commissionAmountCents,
    commission_eligible: row.commissionEligible,
    commission_paid: row.commissionPaid,
  };
}

export type LedgerEntry = {
  id: number;
  level: (typeof commissions.level.enumValues)[number];
  kind: (typeof commissions.kind.enumValues)[number];
  amountCents: number;
  /** The currency of amountCents (ISO 4217, lower case); paymentCents is in paymentCurrency. */
  currency: string;
  rateBps: number | null;
  status: (typeof commissions.status.enumValues)[number];
  holdUntil: Date;
  createdAt: Date;
  note: string | null;
  paymentCents: number | null;
  paymentCurrency: string | null;
  paymentType: (typeof payments.type.enumValues)[number] | null;
  referral: null | {
    id: number;
    codeUsed: string;
    name: string;
    maskedEmail: string;
    inReview: boolean;
    commissionAmountCents: number;
    commissionEligible: boolean;
    commissionPaid: boolean;
  };
};

/** The latest ledger rows of a beneficiary, newest first, with the referral each belongs to. */
export async function getLedgerEntries(db: DbOrTx, userId: number, limit = 10): Promise<LedgerEntry[]> {
  const rows = await db
    .select({
      c: commissions,
      paymentCents: payments.amountCents,
      paymentCurrency: payments.currency,
      paymentType: payments.type,
      referralId: referralUsageLog.id,
      codeUsed: referralUsageLog.codeUsed,
      commissionEligible: referralUsageLog.commissionEligible,
      commissionAmountCents: referralUsageLog.commissionAmountCents,
      commissionPaid: referralUsageLog.commissionPaid,
      name: users.name,
      email: users.email,
    })
    .from(commissions)
    .leftJoin(payments, eq(payments.id, commissions.paymentId))
    .leftJoin(referralUsageLog, eq(referralUsageLog.id, commissions.referralId))
    .leftJoin(users, eq(users.id, referralUsageLog.referredUserId))
    .where(and(eq(commissions.beneficiaryUserId, userId)))
    .orderBy(desc(commissions.createdAt), desc(commissions.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.c.id,
    level: r.c.level,
    kind: r.c.kind,
    amountCents: r.c.amountCents,
    currency: r.c.currency,
    rateBps: r.c.rateBps,
    status: r.c.status,
    holdUntil: r.c.holdUntil,
    createdAt: r.c.createdAt,
    note: r.c.note,
    paymentCents: r.paymentCents,
    paymentCurrency: r.paymentCurrency,
    paymentType: r.paymentType,
    referral:
      r.referralId === null
        ? null
        : {
            id: r.referralId,
            codeUsed: r.codeUsed ?? "",
            name: r.name ?? "",
            maskedEmail: maskEmail(r.email ?? ""),
            inReview: r.commissionEligible === false,
            commissionAmountCents: r.commissionAmountCents ?? 0,
            commissionEligible: r.commissionEligible ?? false,
            commissionPaid: r.commissionPaid ?? false,
          },
  }));
}

/** Per-currency buckets (getCurrencyBalances) for the API: each amount with its currency, never summed. */
export function currencyBalancesJson(balances: CurrencyBalance[]) {
  return balances.map((b) => ({
    currency: b.currency,
    earned: centsToDecimal(b.earnedCents, b.currency),
    earned_cents: b.earnedCents,
    on_hold_cents: b.onHoldCents,
    approved_cents: b.approvedCents,
    paid_cents: b.paidCents,
    unpaid_cents: b.unpaidCents,
  }));
}
