// Commissions and payouts for bulk-generated payments, set-based, with what the domain writes when each
// payment is recorded in time order (earnCommissions), approved after its hold (approveDueCommissions)
// and paid in a monthly payout batch (createPayoutBatch + markPayoutBatchPaid): the same lines, amounts,
// rates, notes and statuses, payouts equal to the commissions they claim, batches equal to their payouts,
// and the referral summaries refreshed from the ledger (syncReferralSummaries). Not replayed: refunds, and
// the retention bonus (off unless RETENTION_BONUS_MONTHS is set).
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import type { DbOrTx } from "@/db/types";
import { writeAudit } from "@/lib/audit";
import {
  BASE_RATE_BPS,
  TIER_MULTIPLIERS,
  bpsLabel,
  multiplierLabel,
} from "@/lib/commissions/calculate-commission";
import { syncReferralSummaries } from "@/lib/commissions/referral-summary";
import { getSetting } from "@/lib/settings";

// Rows per statement: large, as each chunk scans the temp tables (no index) and joins the whole ledger once.
const CHUNK = 1_000_000;
/** Payout batches run on the 1st of the month at 09:00 UTC: a "month" of approvals ends then. */
const BATCH_HOUR = 9;
const MONTH = (at: SQL) =>
  sql`date_trunc('month', (${at}) AT TIME ZONE 'UTC' - interval '${sql.raw(String(BATCH_HOUR))} hours')`;
const DAY_SECONDS = 86_400;

/** bpsLabel in SQL: 2000 → "20%", 1250 → "12.5%". */
const bpsLabelSql = (bps: SQL) =>
  sql`((${bps}) / 100)::text || CASE WHEN (${bps}) % 100 = 0 THEN '' ELSE '.' || rtrim(lpad(((${bps}) % 100)::text, 2, '0'), '0') END || '%'`;

/** applyRate: cents × rate × multiplier ÷ 10⁸, truncated once. */
const applyRate = (cents: SQL, rate: SQL, multiplier: SQL = sql`10000`) =>
  sql`div((${cents})::numeric * (${rate}) * (${multiplier}), 100000000)::bigint`;

export async function seedProgramMoney(
  db: DbOrTx,
  opts: {
    fromReferralId: number;
    fromPaymentId: number;
    now: Date;
    onProgress?: (phase: string, done: number, total: number) => void;
  },
): Promise<void> {
  const now = sql`${opts.now.toISOString()}::timestamptz`;
  const holdDays = await getSetting(db, "commissionHoldDays");
  const minimum = await getSetting(db, "minimumPayoutCents");
  if ((await getSetting(db, "retentionBonusMonths")) > 0) {
    console.warn("[seed] the retention bonus is not replayed for generated payments");
  }
  const multiplier = (q: SQL) =>
    sql`CASE ${sql.join(
      TIER_MULTIPLIERS.map((t) => sql`WHEN ${q} >= ${t.minReferrals} THEN ${t.multiplier}`),
      sql` `,
    )} ELSE 10000 END`;
  const tierNote = (q: SQL) =>
    sql`CASE ${sql.join(
      TIER_MULTIPLIERS.map(
        (t) =>
          sql`WHEN ${q} >= ${t.minReferrals} THEN ${` ${multiplierLabel(t.multiplier)} (`}::text || ${q} || ' qualified referrals)'`,
      ),
      sql` `,
    )} ELSE '' END`;

  await db.transaction(async (tx) => {
    // Every generated payment with the referrer's qualified referrals when it was recorded: those already
    // qualified before the seed (counted and net paid > 0), plus every eligible referral whose first payment came no later.
    await tx.execute(sql`
      CREATE TEMP TABLE seed_pay ON COMMIT DROP AS
      WITH p AS (
        SELECT p.id, p.user_id, p.amount_cents, p.occurred_at, p.created_at,
               row_number() OVER (PARTITION BY p.user_id ORDER BY p.occurred_at, p.id) = 1 AS first
          FROM payments p WHERE p.id > ${opts.fromPaymentId} AND p.type = 'payment'
      ), x AS (
        SELECT p.*, l.id AS referral_id, l.referrer_user_id AS ref, l.commission_eligible AS eligible,
               CASE WHEN pu.status = 'active' AND pu.partner_override_bps > 0 THEN ru.partner_id END AS partner_id,
               CASE WHEN pu.status = 'active' THEN pu.partner_override_bps END AS partner_bps,
               c.id AS campaign_id, c.campaign_name, c.commission_type, c.commission_value, c.tiers,
               c.bonus_threshold, c.bonus_amount_cents
          FROM p
          JOIN referral_usage_log l ON l.referred_user_id = p.user_id AND l.review_status <> 'rejected'
          JOIN users ru ON ru.id = l.referrer_user_id AND ru.status = 'active'
          LEFT JOIN users pu ON pu.id = ru.partner_id
          LEFT JOIN referral_codes rc ON rc.id = l.referral_code_id
          LEFT JOIN referral_campaigns c ON c.id = rc.campaign_id AND c.is_active
               AND (c.starts_at IS NULL OR p.occurred_at >= c.starts_at) AND (c.ends_at IS NULL OR p.occurred_at <= c.ends_at)
      ), before AS (
        SELECT l.referrer_user_id AS ref, count(*)::int AS n FROM referral_usage_log l
         WHERE l.id <= ${opts.fromReferralId} AND l.referrer_user_id IS NOT NULL
           AND referral_is_qualified(l.review_status, l.net_paid_cents)
         GROUP BY 1
      )
      SELECT x.*, (COALESCE(b.n, 0) + count(*) FILTER (WHERE x.first AND x.eligible)
                     OVER (PARTITION BY x.ref ORDER BY x.occurred_at, x.id))::int AS qualified
        FROM x LEFT JOIN before b ON b.ref = x.ref`);
    const q = sql`qualified`;
    const tierRate = sql`COALESCE((SELECT (t.tier->>'rateBps')::int FROM jsonb_array_elements(tiers) AS t(tier)
                                    WHERE qualified >= (t.tier->>'minReferrals')::int
                                    ORDER BY (t.tier->>'minReferrals')::int DESC LIMIT 1), commission_value)`;
    // The lines calculateCommission gives each payment: direct (base × tier, or the running campaign's
    // terms), the campaign's one-time bonus, the partner's override; 0¢ lines left out.
    await tx.execute(sql`
      CREATE TEMP TABLE seed_line ON COMMIT DROP AS
      WITH bonus AS (
        SELECT DISTINCT ON (ref, campaign_id) id FROM seed_pay s
         WHERE campaign_id IS NOT NULL AND eligible AND bonus_threshold IS NOT NULL AND bonus_amount_cents IS NOT NULL
           AND qualified >= bonus_threshold
           AND NOT EXISTS (SELECT 1 FROM commissions c WHERE c.beneficiary_user_id = s.ref AND c.campaign_id = s.campaign_id
                              AND c.level = 'bonus' AND c.kind = 'earning' AND c.status <> 'rejected')
         ORDER BY ref, campaign_id, occurred_at, id
      ), lines AS (
        SELECT s.*, 1 AS line, ref AS beneficiary, 'direct' AS level, campaign_id AS line_campaign,
               CASE WHEN campaign_id IS NULL THEN ${applyRate(sql`amount_cents`, sql`${BASE_RATE_BPS}`, multiplier(q))}
                    WHEN commission_type = 'percentage' THEN ${applyRate(sql`amount_cents`, sql`commission_value`, multiplier(q))}
                    WHEN commission_type = 'flat_rate' THEN commission_value::bigint
                    ELSE ${applyRate(sql`amount_cents`, tierRate)} END AS amount,
               CASE WHEN campaign_id IS NULL THEN ${applyRate(sql`${BASE_RATE_BPS}`, sql`10000`, multiplier(q))}
                    WHEN commission_type = 'percentage' THEN ${applyRate(sql`commission_value`, sql`10000`, multiplier(q))}
                    WHEN commission_type = 'flat_rate' THEN NULL
                    ELSE ${tierRate} END::int AS rate_bps,
               CASE WHEN campaign_id IS NULL THEN ${`Base ${bpsLabel(BASE_RATE_BPS)}`}::text || ${tierNote(q)}
                    WHEN commission_type = 'percentage' THEN campaign_name || ': ' || ${bpsLabelSql(sql`commission_value`)} || ${tierNote(q)}
                    WHEN commission_type = 'flat_rate' THEN campaign_name || ': flat amount per payment'
                    ELSE campaign_name || ': ' || ${bpsLabelSql(tierRate)} || ' at ' || qualified || ' qualified referrals' END AS note
          FROM seed_pay s
        UNION ALL
        SELECT s.*, 2, ref, 'bonus', campaign_id, bonus_amount_cents, NULL,
               campaign_name || ': bonus for reaching ' || bonus_threshold || ' qualified referrals'
          FROM seed_pay s WHERE s.id IN (SELECT id FROM bonus)
        UNION ALL
        SELECT s.*, 3, partner_id, 'partner', NULL, ${applyRate(sql`amount_cents`, sql`partner_bps`)}, partner_bps,
               'Partner override ' || ${bpsLabelSql(sql`partner_bps`)}
          FROM seed_pay s WHERE partner_id IS NOT NULL
      )
      SELECT row_number() OVER (ORDER BY created_at, id, line) AS seq,
             beneficiary, referral_id, id AS payment_id, line_campaign AS campaign_id, level, amount, rate_bps, note,
             created_at, occurred_at + ${holdDays * DAY_SECONDS} * interval '1 second' AS hold_until,
             -- Approved by the timer when the hold ends, unless the referral waits for a review.
             CASE WHEN eligible AND occurred_at + ${holdDays * DAY_SECONDS} * interval '1 second' <= ${now}
                  THEN occurred_at + ${holdDays * DAY_SECONDS} * interval '1 second' END AS approved_at
        FROM lines WHERE amount > 0`);
    await tx.execute(sql`
      CREATE TEMP TABLE seed_balance ON COMMIT DROP AS
      SELECT beneficiary, ${MONTH(sql`approved_at`)} AS month, sum(amount)::bigint AS cents,
             count(*)::int AS n, NULL::int AS payout_id, NULL::timestamptz AS paid_at
        FROM seed_line WHERE approved_at IS NOT NULL GROUP BY 1, 2`);
    const [{ lines, first }] = rowsAs(
      await tx.execute(sql`SELECT count(*)::int AS lines, min(approved_at) AS first FROM seed_line`),
      z.object({ lines: col.int, first: col.nullableTimestamp }),
    );
    await payMonthlyBatches(tx, { first, now: opts.now, minimum });
    for (let done = 0; done < lines; done += CHUNK) {
      await tx.execute(sql`
        INSERT INTO commissions (beneficiary_user_id, referral_id, payment_id, campaign_id, level, kind, amount_cents,
                                 rate_bps, status, hold_until, approved_at, payout_id, note, created_at, updated_at)
        SELECT l.beneficiary, l.referral_id, l.payment_id, l.campaign_id, l.level::commission_level, 'earning', l.amount,
               l.rate_bps,
               (CASE WHEN b.payout_id IS NOT NULL THEN 'paid' WHEN l.approved_at IS NOT NULL THEN 'approved'
                     ELSE 'pending' END)::commission_status,
               l.hold_until, l.approved_at, b.payout_id, l.note, l.created_at,
               COALESCE(b.paid_at, l.approved_at, l.created_at)
          FROM seed_line l
          LEFT JOIN seed_balance b ON b.beneficiary = l.beneficiary AND b.month = ${MONTH(sql`l.approved_at`)}
         WHERE l.seq > ${done} AND l.seq <= ${done + CHUNK} ORDER BY l.seq`);
      opts.onProgress?.("commissions", Math.min(lines, done + CHUNK), lines);
    }
    // The per-referral summaries, from the ledger, by the domain's own statement.
    const [{ last }] = rowsAs(
      await tx.execute(sql`SELECT COALESCE(max(referral_id), 0)::bigint AS last FROM seed_line`),
      z.object({ last: col.int }),
    );
    for (let from = opts.fromReferralId; from < last; from += CHUNK) {
      await syncReferralSummaries(
        tx,
        sql`SELECT DISTINCT referral_id FROM seed_line WHERE referral_id > ${from} AND referral_id <= ${from + CHUNK}`,
      );
      opts.onProgress?.(
        "referral summaries",
        Math.min(last, from + CHUNK) - opts.fromReferralId,
        last - opts.fromReferralId,
      );
    }
  });
}

/**
 * A payout batch on the 1st of every month, as createPayoutBatch makes it: each active beneficiary whose
 * approved balance not yet in a batch reaches the minimum gets one line with all of it, the batch's total
 * is its lines, and it is marked paid two days later (markPayoutBatchPaid).
 */
async function payMonthlyBatches(
  tx: DbOrTx,
  opts: { first: Date | null; now: Date; minimum: number },
): Promise<void> {
  if (!opts.first) return;
  const [admin] = rowsAs(
    await tx.execute(sql`SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1`),
    z.object({ id: col.int }),
  );
  const actor = { actorUserId: admin?.id ?? null };
  const start = new Date(Date.UTC(opts.first.getUTCFullYear(), opts.first.getUTCMonth() + 1, 1, BATCH_HOUR));
  for (let d = start; d.getTime() + 2 * DAY_SECONDS * 1000 <= opts.now.getTime();) {
    const at = sql`${d.toISOString()}::timestamptz`;
    const paidAt = new Date(d.getTime() + 2 * DAY_SECONDS * 1000);
    const reference = `WIRE-SEED-${d.toISOString().slice(0, 7)}`;
    const [batch] = rowsAs(
      await tx.execute(sql`
        INSERT INTO payout_batches (status, total_cents, reference, created_by_user_id, paid_at, created_at)
        VALUES ('paid', 0, ${reference}, ${actor.actorUserId}, ${paidAt.toISOString()}::timestamptz, ${at})
        RETURNING id`),
      z.object({ id: col.int }),
    );
    // Everything approved (at its hold's end) before the batch and not yet in one.
    const due = sql`b.payout_id IS NULL AND b.month < ${MONTH(at)}`;
    await tx.execute(sql`
      INSERT INTO payouts (batch_id, beneficiary_user_id, amount_cents, commission_count, created_at)
      SELECT ${batch.id}, b.beneficiary, sum(b.cents), sum(b.n), ${at}
        FROM seed_balance b JOIN users u ON u.id = b.beneficiary AND u.status = 'active'
       WHERE ${due}
       GROUP BY b.beneficiary
      HAVING sum(b.cents) >= ${opts.minimum} AND sum(b.cents) > 0`);
    await tx.execute(sql`
      UPDATE seed_balance b SET payout_id = p.id FROM payouts p
       WHERE p.batch_id = ${batch.id} AND p.beneficiary_user_id = b.beneficiary AND ${due}`);
    const [{ lines, total }] = rowsAs(
      await tx.execute(sql`
        UPDATE payout_batches SET total_cents = COALESCE((SELECT sum(amount_cents) FROM payouts WHERE batch_id = ${batch.id}), 0)
         WHERE id = ${batch.id}
        RETURNING (SELECT count(*) FROM payouts WHERE batch_id = ${batch.id})::int AS lines, total_cents AS total`),
      z.object({ lines: col.int, total: col.int }),
    );
    if (!lines) {
      await tx.execute(sql`DELETE FROM payout_batches WHERE id = ${batch.id}`);
    } else {
      await writeAudit(tx, actor, {
        action: "payout_batch.created",
        entityType: "payout_batch",
        entityId: batch.id,
        details: { lines, totalCents: total, minimumCents: opts.minimum },
      });
      await writeAudit(tx, actor, {
        action: "payout_batch.paid",
        entityType: "payout_batch",
        entityId: batch.id,
        details: { reference, totalCents: total },
      });
    }
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1, BATCH_HOUR));
  }
  await tx.execute(sql`
    UPDATE seed_balance b SET paid_at = pb.paid_at
      FROM payouts p JOIN payout_batches pb ON pb.id = p.batch_id
     WHERE p.id = b.payout_id`);
}
