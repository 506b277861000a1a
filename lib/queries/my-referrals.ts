import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { pointsLedger, referralUsageLog, subscriptions, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { maskEmail } from "@/lib/privacy/mask";

/** qualified: counts and pays; in_review: flagged, held; rejected: by an admin; awaiting_payment: held for the first payment. */
export type ReferralStatus = "qualified" | "in_review" | "rejected" | "awaiting_payment";

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
  commissionCents: number;
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
  };
  page: number;
  perPage: number;
  totalPages: number;
};

const pointsByReferral = (db: DbOrTx, userId: number) =>
  db
    .select({
      referralId: pointsLedger.referralId,
      earned:
        sql<number>`coalesce(sum(${pointsLedger.deltaPoints}) filter (where ${pointsLedger.status} = 'available'), 0)`
          .mapWith(Number)
          .as("earned"),
      pending:
        sql<number>`coalesce(sum(${pointsLedger.deltaPoints}) filter (where ${pointsLedger.status} = 'pending'), 0)`
          .mapWith(Number)
          .as("pending"),
      awaitingPayment:
        sql<boolean>`bool_or(${pointsLedger.status} = 'pending' and ${pointsLedger.awaitsFirstPayment})`.as(
          "awaiting_payment",
        ),
    })
    .from(pointsLedger)
    .where(and(eq(pointsLedger.userId, userId), sql`${pointsLedger.referralId} is not null`))
    .groupBy(pointsLedger.referralId)
    .as("points_by_referral");

/**
 * The seed's "My Referrals API": everyone the client referred (masked e-mail), when, the referral's status,
 * the points it earned them (available and held) and its commission (direct, net of reversals), with totals
 * over all of them and one page of rows, newest first.
 */
export async function getMyReferrals(
  db: DbOrTx,
  userId: number,
  opts: { page: number; perPage: number },
): Promise<MyReferrals> {
  const points = pointsByReferral(db, userId);
  const mine = eq(referralUsageLog.referrerUserId, userId);
  const [totalsRow] = await db
    .select({
      referrals: sql<number>`count(*)`.mapWith(Number),
      qualified:
        sql<number>`count(*) filter (where ${referralUsageLog.reviewStatus} in ('not_required', 'approved'))`.mapWith(
          Number,
        ),
      inReview: sql<number>`count(*) filter (where ${referralUsageLog.reviewStatus} = 'pending')`.mapWith(
        Number,
      ),
      rejected: sql<number>`count(*) filter (where ${referralUsageLog.reviewStatus} = 'rejected')`.mapWith(
        Number,
      ),
      pointsEarned: sql<number>`coalesce(sum(${points.earned}), 0)`.mapWith(Number),
      pointsPending: sql<number>`coalesce(sum(${points.pending}), 0)`.mapWith(Number),
      commissionCents: sql<number>`coalesce(sum(${referralUsageLog.commissionAmountCents}), 0)`.mapWith(
        Number,
      ),
    })
    .from(referralUsageLog)
    .leftJoin(points, eq(points.referralId, referralUsageLog.id))
    .where(mine);
  const totals = totalsRow ?? {
    referrals: 0,
    qualified: 0,
    inReview: 0,
    rejected: 0,
    pointsEarned: 0,
    pointsPending: 0,
    commissionCents: 0,
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
      pointsEarned: sql<number>`coalesce(${points.earned}, 0)`.mapWith(Number),
      pointsPending: sql<number>`coalesce(${points.pending}, 0)`.mapWith(Number),
      awaitingPayment: sql<boolean>`coalesce(${points.awaitingPayment}, false)`,
      commissionCents: referralUsageLog.commissionAmountCents,
    })
    .from(referralUsageLog)
    .innerJoin(users, eq(users.id, referralUsageLog.referredUserId))
    .leftJoin(points, eq(points.referralId, referralUsageLog.id))
    .where(mine)
    .orderBy(desc(referralUsageLog.usedAt), desc(referralUsageLog.id))
    .limit(opts.perPage)
    .offset((page - 1) * opts.perPage);

  return {
    referrals: rows.map(({ email, reviewStatus, awaitingPayment, ...r }) => ({
      ...r,
      maskedEmail: maskEmail(email),
      status:
        reviewStatus === "pending"
          ? "in_review"
          : reviewStatus === "rejected"
            ? "rejected"
            : awaitingPayment
              ? "awaiting_payment"
              : "qualified",
    })),
    totals,
    page,
    perPage: opts.perPage,
    totalPages,
  };
}
