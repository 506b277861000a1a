// GET /api/me/referrals and /dashboard/referrals: one page of the client's referrals.
import { z } from "zod";

export const MY_REFERRALS_MAX_PER_PAGE = 100;

export const myReferralsQuerySchema = z.object({
  page: z.coerce
    .number({ error: "page must be a positive whole number" })
    .int({ error: "page must be a positive whole number" })
    .min(1, { error: "page must be a positive whole number" })
    .max(100_000, { error: "page is out of range" })
    .default(1),
  per_page: z.coerce
    .number({ error: `per_page must be a whole number from 1 to ${MY_REFERRALS_MAX_PER_PAGE}` })
    .int({ error: `per_page must be a whole number from 1 to ${MY_REFERRALS_MAX_PER_PAGE}` })
    .min(1, { error: `per_page must be a whole number from 1 to ${MY_REFERRALS_MAX_PER_PAGE}` })
    .max(MY_REFERRALS_MAX_PER_PAGE, {
      error: `per_page must be a whole number from 1 to ${MY_REFERRALS_MAX_PER_PAGE}`,
    })
    .default(25),
});

/** The page's search params: never refused, odd values fall back. */
export const myReferralsPageSchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });
