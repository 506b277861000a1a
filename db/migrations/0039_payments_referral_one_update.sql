-- A payment row moved its referral twice: referral_net_paid_stmt (net paid) and report_paying_stmt
-- ("paying"), two UPDATEs of the same referral_usage_log row, each a new row version and each firing that
-- table's statement triggers (report_referral_stmt: the report deltas and the referrer's counters). One
-- trigger now writes both columns in one UPDATE: one row version and one firing per payment statement.
-- Same results: net paid moves by the signed sum; paying turns on with a payment, and off after a deleted
-- payment when none of the client's payments remains.
CREATE OR REPLACE FUNCTION payments_referral_stmt() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE referral_usage_log l
       SET net_paid_cents = l.net_paid_cents + d.delta,
           paying = l.paying OR d.paid
      FROM (SELECT user_id,
                   sum(CASE WHEN type = 'payment' THEN amount_cents ELSE -amount_cents END) AS delta,
                   bool_or(type = 'payment') AS paid
              FROM new_rows WHERE user_id IS NOT NULL GROUP BY user_id ORDER BY user_id) d
     WHERE l.referred_user_id = d.user_id
       AND (d.delta <> 0 OR (d.paid AND NOT l.paying));
  ELSE
    UPDATE referral_usage_log l
       SET net_paid_cents = l.net_paid_cents - d.delta,
           paying = l.paying AND (NOT d.paid OR EXISTS (
             SELECT 1 FROM payments p WHERE p.user_id = l.referred_user_id AND p.type = 'payment'))
      FROM (SELECT user_id,
                   sum(CASE WHEN type = 'payment' THEN amount_cents ELSE -amount_cents END) AS delta,
                   bool_or(type = 'payment') AS paid
              FROM old_rows WHERE user_id IS NOT NULL GROUP BY user_id ORDER BY user_id) d
     WHERE l.referred_user_id = d.user_id
       AND (d.delta <> 0 OR (d.paid AND l.paying AND NOT EXISTS (
             SELECT 1 FROM payments p WHERE p.user_id = l.referred_user_id AND p.type = 'payment')));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER referral_net_paid_insert ON payments;
--> statement-breakpoint
DROP TRIGGER referral_net_paid_delete ON payments;
--> statement-breakpoint
DROP TRIGGER report_paying_insert ON payments;
--> statement-breakpoint
DROP TRIGGER report_paying_delete ON payments;
--> statement-breakpoint
DROP FUNCTION referral_net_paid_stmt();
--> statement-breakpoint
DROP FUNCTION report_paying_stmt();
--> statement-breakpoint
CREATE TRIGGER payments_referral_insert AFTER INSERT ON payments
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payments_referral_stmt();
--> statement-breakpoint
CREATE TRIGGER payments_referral_delete AFTER DELETE ON payments
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION payments_referral_stmt();
