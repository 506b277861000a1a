import { recordEvent } from "@/lib/events/record-event";
import { eq } from "drizzle-orm";
import { redemptions, rewardCatalog } from "@/db/schema";
import type { DbOrTx, Tx } from "@/db/types";
import { DomainError, pgErrorInfo } from "@/lib/errors";
import { generateCouponCode } from "./coupon-code";
import { expireUserPoints } from "./expire-points";
import { debitPoints, InsufficientPointsError } from "./ledger";

export type RedeemInput = { userId: number; catalogItemId: number; now?: Date };

export type Redemption = {
  redemptionId: number;
  couponCode: string;
  costPoints: number;
  item: { id: number; name: string };
  balancePoints: number;
  createdAt: Date;
};

async function insertRedemption(
  tx: Tx,
  values: Omit<typeof redemptions.$inferInsert, "couponCode">,
): Promise<{ id: number; couponCode: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      // A savepoint, so a coupon collision (about 1 in 10^17) costs a retry instead of the redemption.
      return await tx.transaction(async (sp) => {
        const [row] = await sp
          .insert(redemptions)
          .values({ ...values, couponCode: generateCouponCode() })
          .returning({ id: redemptions.id, couponCode: redemptions.couponCode });
        return row;
      });
    } catch (error) {
      if (attempt < 3 && pgErrorInfo(error)?.constraint === "redemptions_coupon_key") continue;
      throw error;
    }
  }
}

/**
 * Spends points on a catalog reward, in one transaction: the redemption with its unique coupon code, the
 * debit (oldest points first) and the balance. The balance check is the debit's conditional update, so of
 * any number of concurrent redemptions only those the balance covers go through; the rest roll back whole.
 */
export async function redeemPoints(db: DbOrTx, input: RedeemInput): Promise<Redemption> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [item] = await tx.select().from(rewardCatalog).where(eq(rewardCatalog.id, input.catalogItemId));
    if (!item || !item.isActive) {
      throw new DomainError("reward_not_found", "This reward is not available", {
        status: 404,
        field: "catalog_item_id",
      });
    }
    // Points past their expiry are gone even if the expiry job has not run yet.
    await expireUserPoints(tx, input.userId, now);
    const redemption = await insertRedemption(tx, {
      userId: input.userId,
      catalogItemId: item.id,
      costPoints: item.costPoints,
      createdAt: now,
    });
    try {
      const { balancePoints } = await debitPoints(tx, {
        userId: input.userId,
        points: item.costPoints,
        reason: "redemption",
        redemptionId: redemption.id,
        note: item.name,
        now,
      });
      await recordEvent(tx, "reward.redeemed", {
        id: redemption.id,
        userId: input.userId,
        catalogItemId: item.id,
        itemName: item.name,
        costPoints: item.costPoints,
        couponCode: redemption.couponCode,
        createdAt: now,
      });
      return {
        redemptionId: redemption.id,
        couponCode: redemption.couponCode,
        costPoints: item.costPoints,
        item: { id: item.id, name: item.name },
        balancePoints,
        createdAt: now,
      };
    } catch (error) {
      if (!(error instanceof InsufficientPointsError)) throw error;
      const missing = item.costPoints - error.balancePoints;
      throw new DomainError(
        "insufficient_points",
        `You need ${missing.toLocaleString("en-US")} more points to redeem ${item.name} (it costs ${item.costPoints.toLocaleString("en-US")}, you have ${error.balancePoints.toLocaleString("en-US")}).`,
        { status: 409, field: "catalog_item_id" },
      );
    }
  });
}
