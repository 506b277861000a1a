import { assertCanActFor, isAdmin } from "@/lib/auth/principal";
import { route } from "@/lib/http";
import { getMonthlyReport, getReferralAnalytics, monthOf } from "@/lib/queries/referral-analytics";
import { findClient } from "@/lib/referrals/find-client";
import { referralAnalyticsQuerySchema } from "@/lib/validation/analytics";
import { clientIdParamsSchema } from "@/lib/validation/referral-codes";

export const dynamic = "force-dynamic";

/**
 * The client's referral analytics (codes, last 10 referrals, summary); with `?period=monthly` the report
 * for `month` (YYYY-MM, UTC; the current month when missing). E-mails are masked unless an admin asks.
 */
export const GET = route(
  { access: "user", params: clientIdParamsSchema, query: referralAnalyticsQuerySchema },
  // The analytics API is a heavy read for integrations: the replica when there is one (may lag a moment).
  async ({ readDb, params, query, principal }) => {
    assertCanActFor(principal, params.id);
    await findClient(readDb, params.id);
    const now = new Date();
    if (query.period === "monthly") {
      return getMonthlyReport(readDb, params.id, query.month ?? monthOf(now), now);
    }
    return getReferralAnalytics(readDb, params.id, { now, viewer: isAdmin(principal) ? "admin" : "owner" });
  },
);
