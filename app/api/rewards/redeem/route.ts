import { reply, route } from "@/lib/http";
import { redeemPoints } from "@/lib/rewards/redeem-points";
import { redeemSchema } from "@/lib/validation/redemptions";

export const dynamic = "force-dynamic";

/**
 * `POST /api/rewards/redeem` `{ "catalog_item_id": 1 }` (the signed-in client, for themselves): spends the
 * points and answers 201 with the coupon code; 409 with how many points are missing; 404 for a reward
 * that is not offered.
 */
export const POST = route({ access: "client", body: redeemSchema }, async ({ db, body, principal }) => {
  const result = await redeemPoints(db, {
    userId: principal.user.id,
    catalogItemId: body.catalog_item_id,
  });
  return reply(
    {
      redemption_id: result.redemptionId,
      reward: result.item.name,
      coupon_code: result.couponCode,
      cost_points: result.costPoints,
      balance_points: result.balancePoints,
      created_at: result.createdAt,
    },
    { status: 201, message: "Reward redeemed" },
  );
});
