-- Custom migration (hand-written): the seed's usage-count trigger, the referral_performance view,
-- a covering index drizzle-kit cannot express, and reference data every install needs.

-- usage_count is maintained here and only here. The increment is conditional, so a code can never be
-- used more times than its limit, whatever runs concurrently: the row lock serialises competing
-- signups and the WHERE clause is re-checked after the lock is granted. A refused claim raises
-- `referral_code_exhausted`, which rolls back the whole signup transaction.
CREATE OR REPLACE FUNCTION referral_usage_count_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.referral_code_id IS NOT NULL THEN
    IF TG_OP = 'DELETE' OR NEW.referral_code_id IS DISTINCT FROM OLD.referral_code_id THEN
      UPDATE referral_codes
         SET usage_count = usage_count - 1, updated_at = now()
       WHERE id = OLD.referral_code_id AND usage_count > 0;
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.referral_code_id IS NOT NULL THEN
    IF TG_OP = 'INSERT' OR NEW.referral_code_id IS DISTINCT FROM OLD.referral_code_id THEN
      UPDATE referral_codes
         SET usage_count = usage_count + 1, updated_at = now()
       WHERE id = NEW.referral_code_id
         AND (usage_limit IS NULL OR usage_count < usage_limit);
      IF NOT FOUND THEN
        RAISE EXCEPTION 'referral_code_exhausted' USING ERRCODE = 'P0001',
          DETAIL = 'Referral code has reached its usage limit';
      END IF;
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS update_referral_usage_count ON referral_usage_log;
--> statement-breakpoint
CREATE TRIGGER update_referral_usage_count
AFTER INSERT OR UPDATE OF referral_code_id OR DELETE ON referral_usage_log
FOR EACH ROW EXECUTE FUNCTION referral_usage_count_sync();
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS referral_usage_log_code_cover_idx
  ON referral_usage_log (referral_code_id, used_at)
  INCLUDE (referred_user_id, commission_eligible, is_flagged, source);
--> statement-breakpoint
-- One row per code: the seed's dashboard view, with money from the commissions ledger (cents).
CREATE OR REPLACE VIEW referral_performance AS
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
  SELECT COALESCE(sum(cm.amount_cents) FILTER (WHERE cm.status <> 'rejected'), 0)::int AS total_commission_cents,
         COALESCE(sum(cm.amount_cents) FILTER (WHERE cm.status = 'paid'), 0)::int AS commission_paid_cents,
         COALESCE(sum(cm.amount_cents) FILTER (WHERE cm.status IN ('pending', 'approved')), 0)::int AS commission_pending_cents
    FROM commissions cm
    JOIN referral_usage_log rul ON rul.id = cm.referral_id
   WHERE rul.referral_code_id = rc.id AND cm.level = 'direct'
) m ON true;
--> statement-breakpoint
INSERT INTO subscription_tiers (name, monthly_price_cents, sort_order) VALUES
  ('Basic', 1995, 1),
  ('Premium', 3995, 2),
  ('Pro', 7995, 3)
ON CONFLICT (name) DO NOTHING;
