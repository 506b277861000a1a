// Payout batch forms: which referrers to pay, the bank reference when finance has sent the money.
import { z } from "zod";
import { text } from "./fields";
import { idParam } from "./referral-codes";

/** The checked referrers: one `pay_<user id>` checkbox each (plain form fields, so it works without JS). */
export const createPayoutBatchSchema = z
  .record(z.string(), z.string())
  .transform((fields) =>
    Object.entries(fields)
      .filter(([key, value]) => /^pay_\d+$/.test(key) && value === "on")
      .map(([key]) => key.slice(4)),
  )
  .pipe(z.array(idParam("Referrer id")).min(1, { error: "Choose at least one referrer to pay" }))
  .transform((beneficiaryIds) => ({ beneficiaryIds }));

export const payoutBatchIdSchema = z.object({ batchId: idParam("Payout batch id") });

export const markPayoutBatchPaidSchema = z.object({
  batchId: idParam("Payout batch id"),
  reference: text("Reference", {
    min: 3,
    max: 120,
    messages: {
      type: "Enter the payment reference",
      required: "Enter the payment reference (at least 3 characters)",
      tooLong: "The reference must be at most 120 characters",
    },
  }),
});

export const approveDueSchema = z.object({});

/** `/api/admin/payout-batches/:id/csv`. */
export const payoutBatchIdParamsSchema = z.object({ id: idParam("Payout batch id") });
