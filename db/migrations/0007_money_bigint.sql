-- Money is bigint: one referral's summed commission (or one payout) can pass 2^31 cents ($21.4M), which an
-- `integer` column refuses with an error mid-payment. The view reads commissions.amount_cents, so it is
-- dropped first and recreated unchanged except that its sums are bigint too.
DROP VIEW IF EXISTS referral_performance;--> statement-breakpoint
ALTER TABLE "payments" ALTER COLUMN "amount_cents" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "subscription_tiers" ALTER COLUMN "monthly_price_cents" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "referral_campaigns" ALTER COLUMN "bonus_amount_cents" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "referral_usage_log" ALTER COLUMN "commission_amount_cents" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "commissions" ALTER COLUMN "amount_cents" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "payout_batches" ALTER COLUMN "total_cents" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "payouts" ALTER COLUMN "amount_cents" SET DATA TYPE bigint;--> statement-breakpoint
-- One row per code: the seed's dashboard view, with money from the commissions ledger (cents).
CREATE VIEW referral_performance AS
SELECT
  rc.id AS referral_code_id,
  rc.code,
  rc.code_name,
  rc.client_id AS referrer_user_id,
  u.email AS referrer_email,
  u.name AS referrer_name,
  rc.usage_count,
  rc.usage_limit,
  rc.is_active,
  rc.expires_at,
  rc.created_at,
  COALESCE(l.total_signups, 0) AS total_signups,
  COALESCE(l.eligible_referrals, 0) AS eligible_referrals,
  COALESCE(l.signups_last_30_days, 0) AS signups_last_30_days,
  COALESCE(l.signups_last_7_days, 0) AS signups_last_7_days,
  COALESCE(c.clicks, 0) AS clicks,
  COALESCE(m.total_commission_cents, 0) AS total_commission_cents,
  COALESCE(m.commission_paid_cents, 0) AS commission_paid_cents,
  COALESCE(m.commission_pending_cents, 0) AS commission_pending_cents
FROM referral_codes rc
JOIN users u ON u.id = rc.client_id
LEFT JOIN LATERAL (
  SELECT count(*)::int AS total_signups,
         count(*) FILTER (WHERE rul.commission_eligible)::int AS eligible_referrals,
         count(*) FILTER (WHERE rul.used_at >= now() - interval '30 days')::int AS signups_last_30_days,
         count(*) FILTER (WHERE rul.used_at >= now() - interval '7 days')::int AS signups_last_7_days
    FROM referral_usage_log rul
   WHERE rul.referral_code_id = rc.id
) l ON true
LEFT JOIN LATERAL (
  SELECT count(*)::int AS clicks FROM referral_clicks ck WHERE ck.referral_code_id = rc.id
) c ON true
LEFT JOIN LATERAL (
  SELECT COALESCE(sum(cm.amount_cents) FILTER (WHERE cm.status <> 'rejected'), 0)::bigint AS total_commission_cents,
         COALESCE(sum(cm.amount_cents) FILTER (WHERE cm.status = 'paid'), 0)::bigint AS commission_paid_cents,
         COALESCE(sum(cm.amount_cents) FILTER (WHERE cm.status IN ('pending', 'approved')), 0)::bigint AS commission_pending_cents
    FROM commissions cm
    JOIN referral_usage_log rul ON rul.id = cm.referral_id
   WHERE rul.referral_code_id = rc.id AND cm.level = 'direct'
) m ON true;
