// POST /api/rewards/redeem and the /redeem form: which catalog reward to spend points on.
import { z } from "zod";
import { idParam } from "./referral-codes";

export const redeemSchema = z.object({
  catalog_item_id: z.preprocess(
    (v) => (typeof v === "number" && Number.isInteger(v) ? String(v) : v),
    idParam("catalog_item_id"),
  ),
});
export type RedeemRequest = z.output<typeof redeemSchema>;

/** /redeem's search params (the history page); never refused, odd values fall back. */
export const redeemPageSchema = z.object({ history: z.coerce.number().int().min(1).max(100_000).catch(1) });
