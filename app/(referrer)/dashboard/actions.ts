"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { createReferralCode } from "@/lib/referrals/create-code";
import { updateReferralCode } from "@/lib/referrals/update-code";
import { createReferralCodeSchema, updateOwnReferralCodeSchema } from "@/lib/validation/referral-codes";

/** A client creates another code for themselves (custom or generated). */
export const createCodeAction = action(
  { access: "client", schema: createReferralCodeSchema },
  async (input, { db, principal }) => {
    const code = await createReferralCode(db, principal.user.id, input);
    revalidatePath("/dashboard", "layout"); // the overview and every dashboard tab
    return { status: "success", message: `Code ${code.code} created. Its invite link is ready to share.` };
  },
);

/** A client changes one of their own codes: deactivate/reactivate, limit, expiry, name. */
export const updateCodeAction = action(
  { access: "client", schema: updateOwnReferralCodeSchema },
  async (input, { db, principal }) => {
    // Scoped to the signed-in owner: another client's code id is simply not found.
    const code = await updateReferralCode(db, principal.user.id, input.codeId, input.patch);
    revalidatePath("/dashboard", "layout"); // the overview and every dashboard tab
    const what =
      input.patch.isActive === false
        ? "deactivated"
        : input.patch.isActive === true
          ? "reactivated"
          : "updated";
    return { status: "success", message: `Code ${code.code} ${what}.` };
  },
);
