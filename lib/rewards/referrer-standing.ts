// What a signup or a review needs to know about the referrer to award points, in one round trip: the
// counted referrals (from the counters, not a recount), the badges already held, and for each offer in
// force whether it was already paid and how far the referrer is inside its window (read newest first and
// at most up to the offer's target, so the cost is bounded by the target).
import { sql } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import { timestampParam } from "@/db/sql-values";
import type { Tx } from "@/db/types";
import type { RewardRuleSet } from "./load-reward-rules";
import { QUALIFIED_REVIEW_STATES } from "./qualified-referrals";
import { offerCountingSince, type Badge } from "./rules";

export type OfferStanding = { counted: number; paid: boolean };

export type ReferrerStanding = {
  countedReferrals: number;
  badges: Set<Badge>;
  /** By offer rule id. */
  offers: Map<number, OfferStanding>;
};

const row = z.object({
  counted: col.int,
  badges: col.nullableText,
  offers: col.json(
    z.array(z.object({ rule_id: z.number(), counted: z.number(), paid: z.boolean() })).nullable(),
  ),
});

export async function readReferrerStanding(
  tx: Tx,
  referrerId: number,
  rules: Pick<RewardRuleSet, "offers">,
  now: Date,
): Promise<ReferrerStanding> {
  const counted = sql.raw(QUALIFIED_REVIEW_STATES.map((s) => `'${s}'`).join(", "));
  const offers = rules.offers.map(
    (offer) => sql`SELECT ${offer.ruleId}::int AS rule_id,
        (SELECT count(*) FROM (SELECT 1 FROM referral_usage_log l
                                WHERE l.referrer_user_id = ${referrerId} AND l.review_status IN (${counted})
                                  AND l.used_at >= ${timestampParam(offerCountingSince(offer, now))}
                                ORDER BY l.used_at DESC LIMIT ${offer.referrals}::int) w)::int AS counted,
        EXISTS (SELECT 1 FROM reward_rule_awards a
                 WHERE a.rule_id = ${offer.ruleId} AND a.user_id = ${referrerId}) AS paid`,
  );
  const [standing] = rowsAs(
    await tx.execute(sql`
      SELECT coalesce((SELECT counted_referrals FROM referrer_stats WHERE user_id = ${referrerId}), 0)::int AS counted,
             (SELECT string_agg(badge::text, ',') FROM user_badges WHERE user_id = ${referrerId}) AS badges,
             ${
               offers.length
                 ? sql`(SELECT json_agg(o) FROM (${sql.join(offers, sql` UNION ALL `)}) o)`
                 : sql`NULL::json`
             } AS offers`),
    row,
  );
  return {
    countedReferrals: standing.counted,
    badges: new Set((standing.badges?.split(",") ?? []) as Badge[]),
    offers: new Map((standing.offers ?? []).map((o) => [o.rule_id, { counted: o.counted, paid: o.paid }])),
  };
}
