import "server-only";
import { and, asc, desc, eq, lte, sql } from "drizzle-orm";
import { pointsLedger, redemptions, rewardCatalog, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { spendableLots } from "@/lib/rewards/ledger";
import { readJson } from "@/db/json-batch";
import { pointsDebtRead, type PointsDebt } from "./points-debt";
import { countPointsHistory, getPointsHistory, type PointsHistoryEntry } from "./points-history";

export const EXPIRY_WARNING_DAYS = 30;

export type CatalogOffer = {
  id: number;
  name: string;
  description: string | null;
  costPoints: number;
  rewardType: "discount_percent" | "free_product" | "lifetime_premium";
  rewardValue: number | null;
  affordable: boolean;
  /** 0 when affordable. */
  pointsMissing: number;
};

export type RedemptionRecord = {
  id: number;
  itemName: string;
  costPoints: number;
  couponCode: string;
  createdAt: Date;
};

export type RewardsOverview = {
  balancePoints: number;
  pendingPoints: number;
  /** Points taken back after they were spent: the next points earned pay it first. */
  debt: PointsDebt;
  expiringSoon: { points: number; firstExpiresAt: Date } | null;
  catalog: CatalogOffer[];
  redemptions: RedemptionRecord[];
  history: PointsHistoryEntry[];
  /** All history rows, for paging through `history`. */
  historyTotal: number;
};

/** What /redeem and GET /api/rewards show a client: balance, the catalog against it, coupons and history. */
export async function getRewardsOverview(
  db: DbOrTx,
  userId: number,
  opts: { now?: Date; historyLimit?: number; historyOffset?: number } = {},
): Promise<RewardsOverview> {
  const now = opts.now ?? new Date();
  const soon = new Date(now.getTime() + EXPIRY_WARNING_DAYS * 86_400_000);
  const [[account], items, issued, [expiring], history, historyTotal, debt] = await Promise.all([
    db
      .select({ balancePoints: users.pointsBalance, pendingPoints: users.pointsPending })
      .from(users)
      .where(eq(users.id, userId)),
    db
      .select()
      .from(rewardCatalog)
      .where(eq(rewardCatalog.isActive, true))
      .orderBy(asc(rewardCatalog.sortOrder), asc(rewardCatalog.costPoints), asc(rewardCatalog.id)),
    db
      .select({
        id: redemptions.id,
        itemName: rewardCatalog.name,
        costPoints: redemptions.costPoints,
        couponCode: redemptions.couponCode,
        createdAt: redemptions.createdAt,
      })
      .from(redemptions)
      .innerJoin(rewardCatalog, eq(rewardCatalog.id, redemptions.catalogItemId))
      .where(eq(redemptions.userId, userId))
      .orderBy(desc(redemptions.createdAt), desc(redemptions.id))
      .limit(100),
    db
      .select({
        points: sql<number>`coalesce(sum(${pointsLedger.remainingPoints}), 0)::int`,
        firstExpiresAt: sql<Date | null>`min(${pointsLedger.expiresAt})`.mapWith(pointsLedger.expiresAt),
      })
      .from(pointsLedger)
      .where(and(spendableLots(userId), lte(pointsLedger.expiresAt, soon))),
    getPointsHistory(db, userId, { limit: opts.historyLimit ?? 50, offset: opts.historyOffset ?? 0 }),
    countPointsHistory(db, userId),
    readJson(db, pointsDebtRead(userId)),
  ]);
  const balancePoints = account?.balancePoints ?? 0;
  return {
    balancePoints,
    pendingPoints: account?.pendingPoints ?? 0,
    debt,
    expiringSoon:
      expiring && expiring.points > 0 && expiring.firstExpiresAt
        ? { points: expiring.points, firstExpiresAt: expiring.firstExpiresAt }
        : null,
    catalog: items.map((item) => ({
      id: item.id,
      name: item.name,
      description: item.description,
      costPoints: item.costPoints,
      rewardType: item.rewardType,
      rewardValue: item.rewardValue,
      affordable: balancePoints >= item.costPoints,
      pointsMissing: Math.max(0, item.costPoints - balancePoints),
    })),
    redemptions: issued,
    history,
    historyTotal,
  };
}
