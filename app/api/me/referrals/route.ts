import { route } from "@/lib/http";
import { centsToDecimal } from "@/lib/format";
import { currencyAmountsJson } from "@/lib/money/currency-amounts";
import { getMyReferrals } from "@/lib/queries/my-referrals";
import { myReferralsQuerySchema } from "@/lib/validation/my-referrals";

export const dynamic = "force-dynamic";

/**
 * `GET /api/me/referrals[?page=1&per_page=25]` (the signed-in client): the seed's "My Referrals API" —
 * everyone they referred (masked e-mail), when, status, points and commission earned, with totals.
 * `commission_earned` is the usd figure (the field predates currencies); `commission_by_currency` has
 * every currency's.
 */
export const GET = route(
  { access: "client", query: myReferralsQuerySchema },
  async ({ db, query, principal }) => {
    const mine = await getMyReferrals(db, principal.user.id, {
      page: query.page,
      perPage: query.per_page,
    });
    return {
      totals: {
        referrals: mine.totals.referrals,
        qualified: mine.totals.qualified,
        in_review: mine.totals.inReview,
        rejected: mine.totals.rejected,
        points_earned: mine.totals.pointsEarned,
        points_pending: mine.totals.pointsPending,
        commission_earned: centsToDecimal(mine.totals.commissionCents),
        commission_earned_cents: mine.totals.commissionCents,
        commission_by_currency: currencyAmountsJson(mine.totals.commissionByCurrency),
      },
      referrals: mine.referrals.map((r) => ({
        id: r.id,
        name: r.name,
        email: r.maskedEmail,
        referred_at: r.referredAt,
        code_used: r.code,
        status: r.status,
        subscription_status: r.subscriptionStatus,
        points_earned: r.pointsEarned,
        points_pending: r.pointsPending,
        commission_earned: centsToDecimal(r.commissionCents),
        commission_earned_cents: r.commissionCents,
        commission_by_currency: currencyAmountsJson(r.commissionByCurrency),
      })),
      page: mine.page,
      per_page: mine.perPage,
      total_pages: mine.totalPages,
    };
  },
);
