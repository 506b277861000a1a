// Points for bulk-generated referrals, set-based, with what awardReferralPoints (lib/rewards) writes for
// one signup: the new client's welcome share, the referrer's double-sided share and tier-schedule bonus
// for their n-th qualified referral, and the milestone badges with their bonuses — the same reasons,
// notes, holds and expiry, and the cached balances moved by the same amounts (ledger = balances).
// Referrals are processed in signup order, batch after batch, with each referrer's qualified count
// carried from one batch to the next. Not replayed: time-limited offers (the seed's history predates
// them) and the release of points held by the qualifying-activity rule (off by default).
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import type { DbOrTx } from "@/db/types";
import { loadRewardRules } from "@/lib/rewards/load-reward-rules";
import { badgeNames, tierRangeLabel } from "@/lib/rewards/rules";

const QUALIFIED = sql.raw(`('not_required', 'approved')`);

export type PointsPlan = Awaited<ReturnType<typeof loadPointsPlan>>;

/** The reward rules in force now, as the SQL fragments the batches use. */
export async function loadPointsPlan(db: DbOrTx, now: Date) {
  const rules = await loadRewardRules(db, now);
  const tiers = rules.tierSchedule?.tiers ?? [];
  const referrerPoints = rules.doubleSided?.referrerPoints ?? 0;
  // tierFor: the last tier (in the rule's order) whose start the ordinal has reached, else the first.
  const tierOf = (ordinal: SQL, pick: (i: number) => SQL) =>
    tiers.length
      ? sql`CASE ${sql.join(
          tiers
            .map((t, i) => ({ t, i }))
            .reverse()
            .map(({ t, i }) => sql`WHEN ${ordinal} >= ${t.fromReferral} THEN ${pick(i)}`),
          sql` `,
        )} ELSE ${pick(0)} END`
      : sql`NULL`;
  const tierBonus = (ordinal: SQL) =>
    tiers.length
      ? sql`greatest(0, ${tierOf(ordinal, (i) => sql`${tiers[i].pointsEach}::int`)} - ${referrerPoints})`
      : sql`0`;
  const tierLabel = (ordinal: SQL) =>
    tierOf(ordinal, (i) => {
      const next = tiers[i + 1];
      return sql`${`${tierRangeLabel(tiers[i], next ? next.fromReferral - 1 : null)}: ${tiers[i].pointsEach} each`}::text`;
    });
  return {
    newClientPoints: rules.doubleSided?.newClientPoints ?? 0,
    referrerPoints,
    doubleSidedRuleId: rules.doubleSided?.ruleId ?? null,
    tierRuleId: rules.tierSchedule?.ruleId ?? null,
    tierBonus,
    tierLabel,
    milestones: rules.milestones.map((m) => ({
      ...m,
      note: `${badgeNames[m.badge]} badge: ${m.referrals} referrals${m.unlock ? ` · unlocks ${m.unlock}` : ""}`,
    })),
    expiryDays: rules.expiry?.days ?? null,
    awaitsFirstPayment: rules.qualifyingActivity !== null,
    /** Each referrer's qualified referrals already in the database. */
    priorCounts: async (tx: DbOrTx) =>
      new Map(
        rowsAs(
          await tx.execute(sql`
            SELECT referrer_user_id AS id, count(*)::int AS n FROM referral_usage_log
             WHERE referrer_user_id IS NOT NULL AND review_status IN ${QUALIFIED} GROUP BY 1`),
          z.object({ id: col.int, n: col.int }),
        ).map((r) => [r.id, r.n]),
      ),
  };
}

/**
 * The points of referrals `fromReferralId < id ≤ toReferralId` (one batch, all newer than any referral
 * already awarded). The new clients' welcome points are in their users row already (written with it);
 * the referrers' sums are added here. Returns the qualified counts after the batch.
 */
export async function writeReferralPoints(
  tx: DbOrTx,
  plan: PointsPlan,
  batch: { fromReferralId: number; toReferralId: number; prior: Map<number, number> },
): Promise<Map<number, number>> {
  const ids = `{${[...batch.prior.keys()].join(",")}}`;
  const counts = `{${[...batch.prior.values()].join(",")}}`;
  const expires = (at: SQL) =>
    plan.expiryDays === null
      ? sql`NULL::timestamptz`
      : sql`${at} + ${plan.expiryDays} * interval '86400 seconds'`;
  const held = plan.awaitsFirstPayment;
  const milestoneRows = plan.milestones.length
    ? sql`(VALUES ${sql.join(
        plan.milestones.map(
          (m) =>
            sql`(${m.referrals}::int, ${m.badge}::badge, ${m.bonusPoints}::int, ${m.ruleId}::int, ${m.note}::text)`,
        ),
        sql`, `,
      )}) AS m(referrals, badge, bonus, rule_id, note)`
    : sql`(SELECT NULL::int AS referrals, NULL::badge AS badge, 0 AS bonus, NULL::int AS rule_id, NULL::text AS note WHERE false) m`;
  await tx.execute(sql`
    WITH pr AS (
      SELECT * FROM unnest(${ids}::int[], ${counts}::int[]) AS p(user_id, n)
    ), r AS (
      SELECT l.id, l.referrer_user_id AS ref, l.referred_user_id AS uid, l.used_at,
             l.review_status IN ${QUALIFIED} AS counted, COALESCE(pr.n, 0) AS prior_n,
             COALESCE(pr.n, 0) + count(*) FILTER (WHERE l.review_status IN ${QUALIFIED})
               OVER (PARTITION BY l.referrer_user_id ORDER BY l.used_at, l.id) AS cnt
        FROM referral_usage_log l LEFT JOIN pr ON pr.user_id = l.referrer_user_id
       WHERE l.id > ${batch.fromReferralId} AND l.id <= ${batch.toReferralId}
         AND l.referrer_user_id IS NOT NULL AND l.review_status <> 'rejected'
    ), o AS (
      -- A flagged referral is not counted yet; its points are priced as the next one and held.
      SELECT r.*, CASE WHEN counted THEN cnt ELSE cnt + 1 END::int AS ordinal FROM r
    ), ms AS (
      SELECT o.ref, o.id, o.used_at, m.* FROM o CROSS JOIN ${milestoneRows}
       WHERE o.counted AND o.cnt >= m.referrals AND (o.cnt = m.referrals OR (o.cnt = o.prior_n + 1 AND o.prior_n >= m.referrals))
         AND NOT EXISTS (SELECT 1 FROM user_badges b WHERE b.user_id = o.ref AND b.badge = m.badge)
    ), lines AS (
      SELECT o.id AS referral_id, o.uid AS user_id, ${plan.newClientPoints}::int AS pts,
             'referral_new_client' AS reason, o.counted AS available, ${plan.doubleSidedRuleId}::int AS rule_id,
             NULL::text AS note, false AS awaits, o.used_at, 1 AS ord
        FROM o WHERE ${plan.newClientPoints}::int > 0
      UNION ALL
      SELECT o.id, o.ref, ${plan.referrerPoints}::int, 'referral_referrer', o.counted AND NOT ${held},
             ${plan.doubleSidedRuleId}::int, 'Referral #' || o.ordinal, ${held}, o.used_at, 2
        FROM o WHERE ${plan.referrerPoints}::int > 0
      UNION ALL
      SELECT o.id, o.ref, ${plan.tierBonus(sql`o.ordinal`)}, 'tier_schedule', o.counted AND NOT ${held},
             ${plan.tierRuleId}::int, 'Referral #' || o.ordinal || ' · tier ' || ${plan.tierLabel(sql`o.ordinal`)}, ${held}, o.used_at, 3
        FROM o WHERE ${plan.tierBonus(sql`o.ordinal`)} > 0
      UNION ALL
      SELECT ms.id, ms.ref, ms.bonus, 'milestone_bonus', NOT ${held}, ms.rule_id, ms.note, ${held}, ms.used_at, 4 + ms.referrals
        FROM ms WHERE ms.bonus > 0
    ), badges AS (
      INSERT INTO user_badges (user_id, badge, awarded_at) SELECT ref, badge, used_at FROM ms
    ), ins AS (
      INSERT INTO points_ledger (user_id, delta_points, remaining_points, reason, status, referral_id, rule_id, note,
                                 awaits_first_payment, expires_at, created_at)
      SELECT user_id, pts, pts, reason::points_reason,
             (CASE WHEN available THEN 'available' ELSE 'pending' END)::points_status, referral_id, rule_id, note,
             awaits, CASE WHEN available THEN ${expires(sql`used_at`)} END, used_at
        FROM lines ORDER BY referral_id, ord
      RETURNING user_id, delta_points, status, reason
    )
    UPDATE users u
       SET points_balance = u.points_balance + a.available, points_pending = u.points_pending + a.pending
      FROM (SELECT user_id,
                   COALESCE(sum(delta_points) FILTER (WHERE status = 'available'), 0)::int AS available,
                   COALESCE(sum(delta_points) FILTER (WHERE status = 'pending'), 0)::int AS pending
              FROM ins WHERE reason <> 'referral_new_client' GROUP BY user_id) a
     WHERE u.id = a.user_id`);
  const moved = rowsAs(
    await tx.execute(sql`
      SELECT referrer_user_id AS id, count(*)::int AS n FROM referral_usage_log
       WHERE id > ${batch.fromReferralId} AND id <= ${batch.toReferralId}
         AND referrer_user_id IS NOT NULL AND review_status IN ${QUALIFIED}
       GROUP BY 1`),
    z.object({ id: col.int, n: col.int }),
  );
  const next = new Map(batch.prior);
  for (const { id, n } of moved) next.set(id, (next.get(id) ?? 0) + n);
  return next;
}
