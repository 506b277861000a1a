"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { action } from "@/lib/action";
import { actorOf } from "@/lib/auth/principal";
import { createPayoutForReferrals } from "@/lib/commissions/payout-for-referrals";
import { payoutForReferralsSchema } from "@/lib/validation/referral-review";

/** The reports table's "Add to a payout": a batch for the referrers of the ticked referrals (audited). */
export const payoutForReferralsAction = action(
  { access: "admin", schema: payoutForReferralsSchema },
  async ({ referralIds }, { principal, ip }) => {
    const { batch } = await createPayoutForReferrals(await getDb(), referralIds, {
      ...actorOf(principal),
      ip,
    });
    revalidatePath("/admin/payouts");
    revalidatePath("/admin");
    redirect(`/admin/payouts/${batch.id}?created=1`);
  },
);
