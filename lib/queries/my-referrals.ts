import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { payments, pointsLedger, referralUsageLog, subscriptions, users } from "@/db/schema";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import type { DbOrTx } from "@/db/types";
import { maskEmail } from "@/lib/privacy/mask";
import { isQualifiedSql, referralStatus, type ReferralStatus } from "@/lib/rewards/qualified-referrals";
import { withBaseCurrency, type CurrencyAmount } from "@/lib/money/currency-amounts";
import {
  getReferrerOtherCurrencies,
  otherCurrenciesColumn,
  referralOtherCurrenciesSql,
} from "./referral-currency-amounts";

export type { ReferralStatus };

export type MyReferral = {
  id: number;
  name: string;
  maskedEmail: string;
  referredAt: Date;
  code: string;
  status: ReferralStatus;
  subscriptionStatus: "trial" | "active" | "past_due" | "canceled" | null;
  pointsEarned: number;
  pointsPending: number;
  /** Direct commission in usd (the base currency). */
  commissionCents: number;
  /** The commission in every currency it was earned in, usd first (never added across currencies). */
  commissionByCurrency: CurrencyAmount[];
};

export type MyReferrals = {
  referrals: MyReferral[];
  totals: {
    referrals: number;
    qualified: number;
    inReview: number;
    rejected: number;
    pointsEarned: number;
    pointsPending: number;
    commissionCents: number;
    commissionByCurrency: CurrencyAmount[];
  };
  page: number;
  perPage: number;
  totalPages: number;
};

/**
 * The seed's "My Referrals API": everyone the client referred (masked e-mail), when, the referral's status
 * (lib/rewards/qualified-referrals.ts: qualified means net paid > 0, not in review, not rejected),
 * the points it earned them (available and held) and its commission (direct, net of reversals) in each
 * currency it was paid in, with totals over all of them and one page of rows, newest first.
 */
export async function getMyReferrals(
  db: DbOrTx,
  userId: number,
  opts: { page: number; perPage: number },
): Promise<MyReferrals> {
  const mine = eq(referralUsageLog.referrerUserId, userId);
  // Totals from the referrer's counters (kept by triggers, db/migrations/0010 and 0012): one row, whatever
  // the history. Held equal to a recount by lib/referrals/rollup-mismatches.ts.
  const [c] = rowsAs(
    await db.execute(sql`
      SELECT referrals, qualified_referrals, in_review, rejected, points_available, points_pending, commission_cents
        FROM referrer_stats WHERE user_id = ${userId}::int`),
    z.object({
      referrals: col.int,
      qualified_referrals: col.int,
      in_review: col.int,
      rejected: col.int,
      points_available: col.int,
      points_pending: col.int,
      commission_cents: col.cents,
    }),
  );
  const otherTotals = await getReferrerOtherCurrencies(db, userId);
  const totals = {
    referrals: c?.referrals ?? 0,
    // SPEC's qualified referrals (net paid > 0), the count the statuses below add up to.
    qualified: c?.qualified_referrals ?? 0,
    inReview: c?.in_review ?? 0,
    rejected: c?.rejected ?? 0,
    pointsEarned: c?.points_available ?? 0,
    pointsPending: c?.points_pending ?? 0,
    commissionCents: c?.commission_cents ?? 0,
    commissionByCurrency: withBaseCurrency(c?.commission_cents ?? 0, otherTotals),
  };
  const totalPages = Math.max(1, Math.ceil(totals.referrals / opts.perPage));
  const page = Math.min(opts.page, totalPages);
  const rows = await db
    .select({
      id: referralUsageLog.id,
      name: users.name,
      email: users.email,
      referredAt: referralUsageLog.usedAt,
      code: referralUsageLog.codeUsed,
      reviewStatus: referralUsageLog.reviewStatus,
      subscriptionStatus: sql<MyReferral["subscriptionStatus"]>`(
        select ${subscriptions.status} from ${subscriptions}
         where ${subscriptions.userId} = ${referralUsageLog.referredUserId}
         order by ${subscriptions.createdAt} desc, ${subscriptions.id} desc limit 1)`,
      // The referral's own points rows (index on referral_id), for the rows of this page only.
      // Net of points taken back and still owed (a take-back's debt_points), as referrer_stats keeps the total.
      pointsEarned: sql<number>`(
        select coalesce(sum(${pointsLedger.deltaPoints} - ${pointsLedger.debtPoints}) filter (where ${pointsLedger.status} = 'available'), 0)
          from ${pointsLedger}
         where ${pointsLedger.referralId} = ${referralUsageLog.id} and ${pointsLedger.userId} = ${userId}::int)`.mapWith(
        Number,
      ),
      pointsPending: sql<number>`(
        select coalesce(sum(${pointsLedger.deltaPoints}) filter (where ${pointsLedger.status} = 'pending'), 0)
          from ${pointsLedger}
         where ${pointsLedger.referralId} = ${referralUsageLog.id} and ${pointsLedger.userId} = ${userId}::int)`.mapWith(
        Number,
      ),
      // SPEC's qualified referral, by the SQL function the counters use (one definition).
      qualified: sql<boolean>`${isQualifiedSql("referral_usage_log")}`,
      everPaid: sql<boolean>`exists (
        select 1 from ${payments} where ${payments.userId} = ${referralUsageLog.referredUserId})`,
      commissionCents: referralUsageLog.commissionAmountCents,
      // The other currencies' commission (0036's per-referral rollup), one probe per row of the page.
      otherCurrencies: sql`${referralOtherCurrenciesSql(sql`${referralUsageLog.id}`)}`.mapWith((v: unknown) =>
        otherCurrenciesColumn.parse(v),
      ),
    })
    .from(referralUsageLog)
    .innerJoin(users, eq(users.id, referralUsageLog.referredUserId))
    .where(mine)
    .orderBy(desc(referralUsageLog.usedAt), desc(referralUsageLog.id))
    .limit(opts.perPage)
    .offset((page - 1) * opts.perPage);

  return {
    referrals: rows.map(({ email, reviewStatus, qualified, everPaid, otherCurrencies, ...r }) => ({
      ...r,
      commissionByCurrency: withBaseCurrency(r.commissionCents, otherCurrencies),
      maskedEmail: maskEmail(email),
      status: referralStatus({ qualified, reviewStatus, everPaid }),
    })),
    totals,
    page,
    perPage: opts.perPage,
    totalPages,
  };
}
