"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { redeemPoints } from "@/lib/rewards/redeem-points";
import { redeemSchema } from "@/lib/validation/redemptions";

/** A client spends their own points on a catalog reward. */
export const redeemAction = action(
  { access: "client", schema: redeemSchema },
  async (input, { db, principal }) => {
    const result = await redeemPoints(db, {
      userId: principal.user.id,
      catalogItemId: input.catalog_item_id,
    });
    revalidatePath("/redeem");
    revalidatePath("/dashboard", "layout"); // the overview and every dashboard tab
    return {
      status: "success",
      message: `Redeemed ${result.item.name} for ${result.costPoints} points.`,
      data: { couponCode: result.couponCode, balancePoints: result.balancePoints },
    };
  },
);
