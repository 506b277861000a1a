import "server-only";
import { readBatch } from "@/db/json-batch";
import type { DbOrTx } from "@/db/types";
import { getLedgerEntries } from "@/lib/queries/commission-summary";
import { commissionBucketsRead } from "@/lib/queries/commission-summary";
import { getReferrerInvites, inviteCodesRead } from "@/lib/queries/email-invites";
import { listOpenCampaigns } from "@/lib/queries/open-campaigns";
import { getPointsHistory } from "@/lib/queries/points-history";
import {
  dailyActivityRead,
  monthlyCommissionRead,
  monthlyReportRead,
  referralAnalyticsRead,
  signupsBySourceRead,
} from "@/lib/queries/referral-analytics";
import { referrerOverviewRead } from "@/lib/queries/referrer-overview";
import {
  assembleRewardsSummary,
  countOfferWindows,
  RECENT_POINTS,
  rewardsStateRead,
} from "@/lib/queries/rewards-summary";
import { suggestCodes } from "@/lib/referrals/suggest-codes";
import { loadRewardRules } from "@/lib/rewards/load-reward-rules";
import { settingsRead } from "@/lib/settings";
import { newClientOfferFrom } from "@/lib/sharing/new-client-offer";

/** Latest commission rows on the dashboard's commission card. */
export const DASHBOARD_LEDGER_ROWS = 8;

/**
 * Everything /dashboard shows, in a fixed handful of statements whatever the referrer's history
 * (dashboard.test.ts counts them and EXPLAINs each one):
 *
 *   1  one batch of JSON reads: codes and latest referrals, the analytics (counters, day windows, money),
 *      the daily and monthly charts, signups by source, the monthly report, the commission buckets, the
 *      points state (account, counted referrals, badges, offer awards), two settings and the codes one
 *      can invite with — all from the counters and rollups of migration 0010 or LIMITed index scans
 *   2  the reward rules in force (for the new-client offer and the points card)
 *   3  the offers' window counts, each bounded by its target (none when no offer runs)
 *   4  the latest commission rows (LIMIT)      5  the latest points entries (LIMIT)
 *   6–7  free code suggestions (a named round and a random round; rarely more)
 *   8  open campaigns                         9–10  latest invites (LIMIT) and today's invite count
 *
 * The page's session lookup adds one. The same read models serve the API (getReferralAnalytics,
 * getMonthlyReport …), each alone in one statement.
 */
export async function loadDashboard(
  db: DbOrTx,
  user: { id: number; name: string; email: string },
  opts: { now: Date; days: number; month: string },
) {
  const { now } = opts;
  const rulesLoaded = loadRewardRules(db, now);
  const offerCountsLoaded = rulesLoaded.then((rules) => countOfferWindows(db, user.id, rules.offers, now));
  const [batch, rules, offerCounts, ledger, recentPoints, suggestions, campaigns, invites] =
    await Promise.all([
      readBatch(db, {
        overview: referrerOverviewRead(user.id),
        analytics: referralAnalyticsRead(user.id, { now, viewer: "owner" }),
        activity: dailyActivityRead(user.id, opts.days, now),
        byMonth: monthlyCommissionRead(user.id, now, 12),
        bySource: signupsBySourceRead(user.id),
        report: monthlyReportRead(user.id, opts.month, now),
        commission: commissionBucketsRead(user.id),
        points: rewardsStateRead(user.id),
        settings: settingsRead(["commissionHoldDays", "minimumPayoutCents"] as const),
        inviteCodes: inviteCodesRead(user.id, now),
      }),
      rulesLoaded,
      offerCountsLoaded,
      getLedgerEntries(db, user.id, DASHBOARD_LEDGER_ROWS),
      getPointsHistory(db, user.id, { limit: RECENT_POINTS }),
      suggestCodes(db, { name: user.name, email: user.email, now }),
      listOpenCampaigns(db, now),
      getReferrerInvites(db, user.id, now),
    ]);
  return {
    overview: batch.overview,
    analytics: batch.analytics,
    charts: {
      activity: batch.activity,
      byMonth: batch.byMonth,
      bySource: batch.bySource,
      report: batch.report,
    },
    commission: {
      totals: batch.commission,
      entries: ledger,
      holdDays: batch.settings.commissionHoldDays,
      minimumCents: batch.settings.minimumPayoutCents,
    },
    rewards: assembleRewardsSummary({ state: batch.points, rules, offerCounts, recent: recentPoints }),
    newClientOffer: newClientOfferFrom(rules),
    suggestions,
    campaigns,
    invites: { codes: batch.inviteCodes, ...invites },
  };
}

export type DashboardData = Awaited<ReturnType<typeof loadDashboard>>;
