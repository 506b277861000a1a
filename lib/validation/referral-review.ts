// The review queue's decisions, read from form fields: `referralIds` is a comma-separated list (one id
// for a single decision, the ticked rows for a bulk one).
import { z } from "zod";
import { FRAUD_RULES } from "@/lib/referrals/fraud-rules";
import { DB_ID_MAX } from "./fields";

export const REVIEW_BULK_LIMIT = 500;

/** The ticked referrals, as a form sends them: "12,15,19". */
export const referralIdListSchema = z
  .string({ error: "Choose at least one referral" })
  .trim()
  .regex(/^[1-9][0-9]{0,14}(,[1-9][0-9]{0,14})*$/, { error: "Choose at least one referral" })
  .transform((s) => [...new Set(s.split(",").map(Number))])
  .pipe(
    z
      .array(z.number().int().positive().max(DB_ID_MAX, { error: "A referral id is out of range" }))
      .min(1, { error: "Choose at least one referral" })
      .max(REVIEW_BULK_LIMIT, { error: `Choose at most ${REVIEW_BULK_LIMIT} referrals at once` }),
  );

export const reviewDecisionSchema = z.object({
  decision: z.enum(["approve", "reject"], { error: "Choose approve or reject" }),
  referralIds: referralIdListSchema,
});

/** "Add to a payout" from the reports table's selection. */
export const payoutForReferralsSchema = z.object({ referralIds: referralIdListSchema });
export type ReviewDecisionInput = z.output<typeof reviewDecisionSchema>;

/** `/admin/review?reason=…`: the queue narrowed to one fraud rule. A page: an unknown reason is ignored. */
export const reviewQueueSearchSchema = z.object({
  reason: z.enum(FRAUD_RULES).optional().catch(undefined),
});
export type ReviewQueueSearch = z.output<typeof reviewQueueSearchSchema>;
