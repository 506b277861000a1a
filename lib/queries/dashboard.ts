import "server-only";
import { readBatch } from "@/db/json-batch";
import type { DbOrTx } from "@/db/types";
import { commissionBucketsRead, getLedgerEntries } from "@/lib/queries/commission-summary";
import { getCurrencyBalances } from "@/lib/queries/currency-balances";
import { BASE_CURRENCY } from "@/lib/money/currencies";
import { getReferrerInvites, inviteCodesRead } from "@/lib/queries/email-invites";
import { listOpenCampaigns } from "@/lib/queries/open-campaigns";
import { getPointsHistory } from "@/lib/queries/points-history";
import {
  dailyActivityRead,
  monthlyCommissionRead,
  monthlyReportRead,
  referralAnalyticsRead,
} from "@/lib/queries/referral-analytics";
import { referrerOverviewRead } from "@/lib/queries/referrer-overview";
import { pointsDebtRead } from "./points-debt";
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

// One loader per dashboard page, each running only the statements its page shows, in a fixed handful
// whatever the referrer's history (dashboard.test.ts counts them and EXPLAINs each one). Every figure comes
// from one read model shared with the API and the other pages — referralAnalyticsRead is
// GET /api/clients/:id/referral-analytics, rewardsStateRead the Rewards page's balance, and so on — so
// the same number is never computed twice. The page's session lookup adds one statement to each.

/** Latest commission rows on the Earnings page. */
export const DASHBOARD_LEDGER_ROWS = 8;

type Referrer = { id: number; name: string; email: string };

/**
 * /dashboard, "how am I doing, and how do I share?":
 *   1  one batch: the codes (for the invite link), the analytics (the API's), the daily chart, the points,
 *      the commission buckets (the Earnings page's)
 *   2  the reward rules in force (the new-client offer the share message names)
 */
export async function loadDashboardOverview(db: DbOrTx, user: Referrer, opts: { now: Date; days: number }) {
  const { now } = opts;
  const [batch, rules] = await Promise.all([
    readBatch(db, {
      overview: referrerOverviewRead(user.id),
      analytics: referralAnalyticsRead(user.id, { now, viewer: "owner" }),
      activity: dailyActivityRead(user.id, opts.days, now),
      points: rewardsStateRead(user.id),
      commission: commissionBucketsRead(user.id),
    }),
    loadRewardRules(db, now),
  ]);
  return {
    codes: batch.overview.codes,
    analytics: batch.analytics,
    activity: batch.activity,
    // Every level (direct, bonus, retention, partner), as the Earnings page and the admin's client page show it.
    commission: batch.commission,
    points: { balancePoints: batch.points.balancePoints, pendingPoints: batch.points.pendingPoints },
    newClientOffer: newClientOfferFrom(rules),
  };
}

/**
 * /dashboard/codes:
 *   1  one batch: the codes with their clicks, the per-code analytics (the API's), the codes one can invite with
 *   2  the reward rules (the offer in the share messages)   3–4  free code suggestions (rarely more)
 *   5  open campaigns                                      6–7  latest invites (LIMIT) and today's count
 */
export async function loadDashboardCodes(db: DbOrTx, user: Referrer, opts: { now: Date }) {
  const { now } = opts;
  const [batch, rules, suggestions, campaigns, invites] = await Promise.all([
    readBatch(db, {
      overview: referrerOverviewRead(user.id),
      analytics: referralAnalyticsRead(user.id, { now, viewer: "owner" }),
      inviteCodes: inviteCodesRead(user.id, now),
    }),
    loadRewardRules(db, now),
    suggestCodes(db, { name: user.name, email: user.email, now }),
    listOpenCampaigns(db, now),
    getReferrerInvites(db, user.id, now),
  ]);
  return {
    codes: batch.overview.codes,
    analytics: batch.analytics,
    newClientOffer: newClientOfferFrom(rules),
    suggestions,
    campaigns,
    invites: { codes: batch.inviteCodes, ...invites },
  };
}

/**
 * /dashboard/earnings:
 *   1  one batch: the commission buckets, two settings, commission by month, the monthly report
 *   2  the latest commission rows (LIMIT)
 *   3  the per-currency buckets (commission_currency_totals: a few rows per currency)
 */
export async function loadDashboardEarnings(db: DbOrTx, user: Referrer, opts: { now: Date; month: string }) {
  const { now } = opts;
  const [batch, ledger, byCurrency] = await Promise.all([
    readBatch(db, {
      commission: commissionBucketsRead(user.id),
      settings: settingsRead(["commissionHoldDays", "minimumPayoutCents"] as const),
      byMonth: monthlyCommissionRead(user.id, now, 12),
      report: monthlyReportRead(user.id, opts.month, now),
    }),
    getLedgerEntries(db, user.id, DASHBOARD_LEDGER_ROWS),
    getCurrencyBalances(db, user.id),
  ]);
  return {
    commission: {
      totals: batch.commission,
      /** Money in currencies other than the base one (usd, in `totals`), one entry per currency. */
      otherCurrencies: byCurrency.filter((b) => b.currency !== BASE_CURRENCY),
      entries: ledger,
      holdDays: batch.settings.commissionHoldDays,
      minimumCents: batch.settings.minimumPayoutCents,
    },
    byMonth: batch.byMonth,
    report: batch.report,
  };
}

/**
 * /dashboard/rewards:
 *   1  the points state (account, counted referrals, badges, offer awards)   2  the reward rules in force
 *   3  the offers' window counts, each bounded by its target (none when no offer runs)
 *   4  the latest points entries (LIMIT)
 */
export async function loadDashboardRewards(db: DbOrTx, user: Referrer, opts: { now: Date }) {
  const { now } = opts;
  const rulesLoaded = loadRewardRules(db, now);
  const offerCountsLoaded = rulesLoaded.then((rules) => countOfferWindows(db, user.id, rules.offers, now));
  const [batch, rules, offerCounts, recentPoints] = await Promise.all([
    readBatch(db, { points: rewardsStateRead(user.id), debt: pointsDebtRead(user.id) }),
    rulesLoaded,
    offerCountsLoaded,
    getPointsHistory(db, user.id, { limit: RECENT_POINTS }),
  ]);
  return assembleRewardsSummary({
    state: batch.points,
    rules,
    offerCounts,
    recent: recentPoints,
    debt: batch.debt,
  });
}

export type DashboardOverviewData = Awaited<ReturnType<typeof loadDashboardOverview>>;
export type DashboardCodesData = Awaited<ReturnType<typeof loadDashboardCodes>>;
export type DashboardEarningsData = Awaited<ReturnType<typeof loadDashboardEarnings>>;
