"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { reviewReferrals } from "@/lib/referrals/decide-referral-reviews";
import { reviewDecisionSchema } from "@/lib/validation/referral-review";

/**
 * Approve (releases held commissions and points) or reject (rejects them) one flagged referral or the
 * ticked ones. Referrals someone else decided meanwhile are skipped and said so.
 */
export const reviewReferralsAction = action(
  { access: "admin", schema: reviewDecisionSchema },
  async ({ referralIds, decision }, { db, actor }) => {
    const result = await reviewReferrals(db, {
      referralIds,
      decision,
      actor,
    });
    revalidatePath("/admin/review");
    revalidatePath("/admin");
    const verb = decision === "approve" ? "Approved" : "Rejected";
    const n = result.decided.length;
    const skipped = result.skipped.length
      ? ` ${result.skipped.length} ${result.skipped.length === 1 ? "was" : "were"} no longer pending review and ${result.skipped.length === 1 ? "was" : "were"} skipped.`
      : "";
    return {
      status: n ? "success" : "error",
      message: `${verb} ${n} referral${n === 1 ? "" : "s"}.${skipped}`,
    };
  },
);
