import "server-only";
import { readBatch } from "@/db/json-batch";
import type { DbOrTx } from "@/db/types";
import { commissionBucketsRead } from "@/lib/queries/commission-summary";
import { getMyReferrals } from "@/lib/queries/my-referrals";
import { referralAnalyticsRead } from "@/lib/queries/referral-analytics";
import { referrerOverviewRead } from "@/lib/queries/referrer-overview";
import { rewardsStateRead } from "@/lib/queries/rewards-summary";
import { mainCode } from "@/lib/referrals/main-code";
import { loadRewardRules } from "@/lib/rewards/load-reward-rules";
import { newClientOfferFrom } from "@/lib/sharing/new-client-offer";

/** Rows of "latest referrals" in the embedded panel: it is a glance, the dashboard has the full list. */
export const EMBED_LATEST_REFERRALS = 5;

/**
 * The embeddable referral panel (issue 16 part 3). Every figure comes from the read model the dashboard's
 * overview uses — referrals from referralAnalyticsRead, on hold and paid from commissionBucketsRead, points
 * from rewardsStateRead — so a number in the panel is the dashboard's number ("one number, one meaning").
 * The latest referrals are getMyReferrals' first page (masked e-mails), the offer the rules in force.
 *   1  one batch: the codes, the analytics, the points, the commission buckets
 *   2  the reward rules in force           3–4  the referrer's counters and the latest referrals (LIMIT)
 */
export async function loadEmbedPanel(db: DbOrTx, userId: number, now: Date) {
  const [batch, rules, latest] = await Promise.all([
    readBatch(db, {
      overview: referrerOverviewRead(userId),
      analytics: referralAnalyticsRead(userId, { now, viewer: "owner" }),
      points: rewardsStateRead(userId),
      commission: commissionBucketsRead(userId),
    }),
    loadRewardRules(db, now),
    getMyReferrals(db, userId, { page: 1, perPage: EMBED_LATEST_REFERRALS }),
  ]);
  return {
    code: mainCode(batch.overview.codes, now),
    codeCount: batch.overview.codes.length,
    figures: {
      referrals: batch.analytics.summary.total_referrals,
      onHoldCents: batch.commission.pendingCents,
      paidCents: batch.commission.paidCents,
      points: batch.points.balancePoints,
    },
    latest: latest.referrals.map((r) => ({
      id: r.id,
      maskedEmail: r.maskedEmail,
      referredAt: r.referredAt,
      status: r.status,
    })),
    newClientOffer: newClientOfferFrom(rules),
  };
}

export type EmbedPanelData = Awaited<ReturnType<typeof loadEmbedPanel>>;
