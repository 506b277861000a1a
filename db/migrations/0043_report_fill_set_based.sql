-- Custom migration (hand-written): report_fill() (0012; the seed's bulk load calls it through
-- lib/referrals/rebuild-rollups.ts) without the passes that redo work another statement of it just did. At
-- 1M referrals its three costliest statements were a no-op self-join over points_ledger (3M rows hashed
-- twice to change nothing) and two program-wide rollups each re-sorting every referral or click that the
-- per-code rollup before it had just grouped. Every table it writes gets the same rows as before:
--   - points_ledger.from_own_referral: joined to the referral directly (one hash of referral_usage_log)
--     instead of joining points_ledger to itself; a row without a referral is never "own" (its referral_id
--     is NULL: the foreign key sets it NULL when the referral goes, so a non-NULL id always has its row);
--   - report_daily and click_daily: summed from report_code_daily and click_code_daily, just loaded from
--     their recount views, instead of from those views again. report_daily_recount and click_daily_recount
--     are defined as exactly those sums (0012), so the rows are the same; the recount views stay what
--     findRollupMismatches compares with.
-- The rest is 0012's body unchanged.
CREATE OR REPLACE FUNCTION report_fill() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE points_ledger p SET from_own_referral = (l.referrer_user_id IS NOT NULL AND l.referrer_user_id = p.user_id)
    FROM referral_usage_log l
   WHERE l.id = p.referral_id
     AND p.from_own_referral IS DISTINCT FROM (l.referrer_user_id IS NOT NULL AND l.referrer_user_id = p.user_id);
  UPDATE points_ledger p SET from_own_referral = false
   WHERE p.referral_id IS NULL AND p.from_own_referral IS DISTINCT FROM false;
  UPDATE referral_usage_log l
     SET commission_mask = r.commission_mask, ledger_on_hold_cents = r.ledger_on_hold_cents,
         ledger_approved_cents = r.ledger_approved_cents, ledger_paid_cents = r.ledger_paid_cents,
         ledger_reversed_cents = r.ledger_reversed_cents, ledger_rejected_cents = r.ledger_rejected_cents,
         paying = r.paying
    FROM referral_ledger_recount r
   WHERE r.id = l.id
     AND (l.commission_mask, l.ledger_on_hold_cents, l.ledger_approved_cents, l.ledger_paid_cents,
          l.ledger_reversed_cents, l.ledger_rejected_cents, l.paying)
         IS DISTINCT FROM (r.commission_mask, r.ledger_on_hold_cents, r.ledger_approved_cents, r.ledger_paid_cents,
          r.ledger_reversed_cents, r.ledger_rejected_cents, r.paying);
  DELETE FROM report_daily;
  DELETE FROM report_code_daily;
  DELETE FROM earned_daily;
  DELETE FROM earned_code_daily;
  DELETE FROM click_daily;
  DELETE FROM click_code_daily;
  UPDATE program_counters
     SET pending_review = CASE WHEN slot = 0
       THEN (SELECT count(*) FROM referral_usage_log WHERE is_flagged AND review_status = 'pending') ELSE 0 END;
  UPDATE referrer_stats s
     SET in_review = coalesce(r.in_review, 0), rejected = coalesce(r.rejected, 0),
         commission_cents = coalesce(r.cents, 0), points_available = coalesce(p.available, 0),
         points_pending = coalesce(p.pending, 0)
    FROM referrer_stats s2
    LEFT JOIN (SELECT referrer_user_id, count(*) FILTER (WHERE review_status = 'pending') AS in_review,
                      count(*) FILTER (WHERE review_status = 'rejected') AS rejected,
                      sum(commission_amount_cents) AS cents
                 FROM referral_usage_log WHERE referrer_user_id IS NOT NULL GROUP BY 1) r
      ON r.referrer_user_id = s2.user_id
    LEFT JOIN (SELECT user_id, sum(delta_points) FILTER (WHERE status = 'available') AS available,
                      sum(delta_points) FILTER (WHERE status = 'pending') AS pending
                 FROM points_ledger WHERE from_own_referral AND referral_id IS NOT NULL GROUP BY 1) p
      ON p.user_id = s2.user_id
   WHERE s.user_id = s2.user_id;
  INSERT INTO report_code_daily SELECT * FROM report_code_daily_recount;
  -- report_daily_recount's sums, over the rows just written (all in slot 0, 0014) instead of the view again.
  INSERT INTO report_daily (day, source, is_flagged, commission_eligible, commission_mask, referrals, commission_paid,
                            paying, net_cents, on_hold_cents, approved_cents, paid_cents, reversed_cents, rejected_cents)
  SELECT day, source, is_flagged, commission_eligible, commission_mask, sum(referrals)::bigint,
         sum(commission_paid)::bigint, sum(paying)::bigint, sum(net_cents)::bigint, sum(on_hold_cents)::bigint,
         sum(approved_cents)::bigint, sum(paid_cents)::bigint, sum(reversed_cents)::bigint, sum(rejected_cents)::bigint
    FROM report_code_daily GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO earned_code_daily SELECT * FROM earned_code_daily_recount;
  INSERT INTO earned_daily SELECT * FROM earned_daily_recount;
  INSERT INTO click_code_daily SELECT * FROM click_code_daily_recount;
  -- click_daily_recount's sums, likewise.
  INSERT INTO click_daily (day, source, clicks)
  SELECT day, source, sum(clicks)::bigint FROM click_code_daily GROUP BY 1, 2;
END;
$$;
