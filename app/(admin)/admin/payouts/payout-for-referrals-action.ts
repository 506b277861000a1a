"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { action } from "@/lib/action";
import { createPayoutForReferrals } from "@/lib/commissions/payout-for-referrals";
import { payoutForReferralsSchema } from "@/lib/validation/referral-review";

/** The reports table's "Add to a payout": a batch for the referrers of the ticked referrals (audited). */
export const payoutForReferralsAction = action(
  { access: "admin", schema: payoutForReferralsSchema },
  async ({ referralIds }, { db, actor }) => {
    const { batch } = await createPayoutForReferrals(db, referralIds, actor);
    revalidatePath("/admin/payouts");
    revalidatePath("/admin");
    redirect(`/admin/payouts/${batch.id}?created=1`);
  },
);
