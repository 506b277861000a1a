import "server-only";
import { aliasedTable, count, desc, eq } from "drizzle-orm";
import { pointsLedger, redemptions, referralUsageLog, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { maskEmail } from "@/lib/privacy/mask";
import type { PointsReason } from "@/lib/rewards/ledger";

export type PointsStatus = "available" | "pending" | "void";

export type PointsHistoryEntry = {
  id: number;
  createdAt: Date;
  deltaPoints: number;
  reason: PointsReason;
  status: PointsStatus;
  /** Why the points are held or void, in words; null for available points. */
  statusNote: string | null;
  label: string;
  detail: string | null;
  couponCode: string | null;
  expiresAt: Date | null;
};

export const reasonLabels: Record<PointsReason, string> = {
  referral_referrer: "Referral reward",
  referral_new_client: "Welcome bonus",
  tier_schedule: "Tier bonus",
  offer_bonus: "Offer bonus",
  milestone_bonus: "Milestone bonus",
  redemption: "Redeemed",
  expiry: "Points expired",
  adjustment: "Adjustment",
  reversal: "Reversal",
};

const referred = aliasedTable(users, "referred");
const referrer = aliasedTable(users, "referrer");

/** The user's points history, newest first: each row with its reason in words and what it was for. */
export async function getPointsHistory(
  db: DbOrTx,
  userId: number,
  opts: { limit?: number; offset?: number } = {},
): Promise<PointsHistoryEntry[]> {
  const rows = await db
    .select({
      entry: pointsLedger,
      referredEmail: referred.email,
      referrerName: referrer.name,
      couponCode: redemptions.couponCode,
    })
    .from(pointsLedger)
    .leftJoin(referralUsageLog, eq(referralUsageLog.id, pointsLedger.referralId))
    .leftJoin(referred, eq(referred.id, referralUsageLog.referredUserId))
    .leftJoin(referrer, eq(referrer.id, referralUsageLog.referrerUserId))
    .leftJoin(redemptions, eq(redemptions.id, pointsLedger.redemptionId))
    .where(eq(pointsLedger.userId, userId))
    .orderBy(desc(pointsLedger.createdAt), desc(pointsLedger.id))
    .limit(opts.limit ?? 50)
    .offset(opts.offset ?? 0);

  return rows.map(({ entry, referredEmail, referrerName, couponCode }) => {
    let detail = entry.note;
    if (entry.reason === "referral_referrer") {
      detail = [referredEmail ? `${maskEmail(referredEmail)} joined` : null, entry.note]
        .filter(Boolean)
        .join(" · ");
    } else if (entry.reason === "referral_new_client") {
      detail = referrerName ? `Joined with ${referrerName}'s code` : "Joined with a referral code";
    } else if (entry.reason === "redemption") {
      detail = entry.note;
    } else if (entry.reason === "reversal" && entry.debtPoints > 0) {
      detail = `${entry.note ?? "Points taken back"} · ${entry.debtPoints.toLocaleString("en-US")} still owed`;
    }
    return {
      id: entry.id,
      createdAt: entry.createdAt,
      deltaPoints: entry.deltaPoints,
      reason: entry.reason,
      status: entry.status,
      statusNote:
        entry.status === "pending"
          ? entry.awaitsFirstPayment
            ? "Waiting for the client's first payment"
            : "Waiting for review"
          : entry.status === "void"
            ? "Referral rejected"
            : null,
      // A take-back names its refund; a row without one pays toward a points debt.
      label:
        entry.reason === "reversal"
          ? entry.paymentId !== null
            ? "Points taken back"
            : "Points debt paid"
          : reasonLabels[entry.reason],
      detail: detail || null,
      couponCode: couponCode ?? null,
      expiresAt: entry.expiresAt,
    };
  });
}

export async function countPointsHistory(db: DbOrTx, userId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(pointsLedger).where(eq(pointsLedger.userId, userId));
  return row.n;
}
