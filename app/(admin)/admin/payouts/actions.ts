"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { action } from "@/lib/action";
import { runCommissionApproval } from "@/lib/commissions/run-approval";
import { cancelPayoutBatch, createPayoutBatch, markPayoutBatchPaid } from "@/lib/commissions/payouts";
import { updateCommissionSettings } from "@/lib/commissions/update-settings";
import { commissionSettingsSchema } from "@/lib/validation/commission-settings";
import {
  approveDueSchema,
  createPayoutBatchSchema,
  markPayoutBatchPaidSchema,
  payoutBatchIdSchema,
} from "@/lib/validation/payouts";

/** The approval job, run now by an admin (the same function as the timer and `npm run jobs:approve`). */
export const approveDueAction = action({ access: "admin", schema: approveDueSchema }, async (_input, ctx) => {
  const result = await runCommissionApproval(ctx.db, ctx.actor, "admin");
  revalidatePath("/admin/payouts");
  return {
    status: "success",
    message:
      result.approved === 0
        ? "No commission has finished its hold yet."
        : `Approved ${result.approved} commission${result.approved === 1 ? "" : "s"}.`,
  };
});

export const createPayoutBatchAction = action(
  { access: "admin", schema: createPayoutBatchSchema },
  async ({ beneficiaryIds }, ctx) => {
    const { batch } = await createPayoutBatch(ctx.db, { beneficiaryIds }, ctx.actor);
    revalidatePath("/admin/payouts");
    redirect(`/admin/payouts/${batch.id}?created=1`);
  },
);

export const markPayoutBatchPaidAction = action(
  { access: "admin", schema: markPayoutBatchPaidSchema },
  async ({ batchId, reference }, ctx) => {
    await markPayoutBatchPaid(ctx.db, batchId, reference, ctx.actor);
    revalidatePath("/admin/payouts");
    redirect(`/admin/payouts/${batchId}?paid=1`);
  },
);

export const cancelPayoutBatchAction = action(
  { access: "admin", schema: payoutBatchIdSchema },
  async ({ batchId }, ctx) => {
    await cancelPayoutBatch(ctx.db, batchId, ctx.actor);
    revalidatePath("/admin/payouts");
    redirect(`/admin/payouts/${batchId}?canceled=1`);
  },
);

export const updateCommissionSettingsAction = action(
  { access: "admin", schema: commissionSettingsSchema },
  async (input, ctx) => {
    await updateCommissionSettings(ctx.db, input, ctx.actor);
    revalidatePath("/admin/payouts");
    return { status: "success", message: "Settings saved." };
  },
);
