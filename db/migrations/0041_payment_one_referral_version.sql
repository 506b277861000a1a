-- A referred client's payment wrote its referral_usage_log row three times: net paid (payments_referral_stmt,
-- 0039), the summaries (commission_amount_cents, commission_paid: a CTE beside the commissions INSERT) and
-- the ledger columns (report_commission_stmt). Each write is a row version, a report_referral_stmt firing
-- (the report deltas, the referrer's counters) and, from the second on, the row's four foreign-key checks
-- (PostgreSQL re-checks keys of a row version its own transaction wrote). The summaries are now written by
-- report_commission_stmt's one UPDATE, from the same rows it sums the ledger columns from: two writes per
-- payment. The summaries follow every change of a referral's direct rows (payouts, releases, reversals), so
-- syncReferralSummaries is left to the seed's bulk load.
--
-- Their meaning is lib/commissions/referral-summary.ts's (and commission-buckets.ts's):
--   commission_amount_cents = direct rows in the earned bucket (status <> 'rejected'), usd only;
--   commission_paid         = some direct earning is paid and no direct row is on hold or approved.
CREATE OR REPLACE FUNCTION report_commission_stmt() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  deltas earned_delta[] := '{}';
  touched bigint[] := '{}';
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    deltas := ARRAY(
      SELECT ROW(l.id IS NOT NULL, coalesce(l.referrer_user_id, 0), coalesce(l.referral_code_id, 0),
                 (c.created_at AT TIME ZONE 'UTC')::date, coalesce(l.source, 'link'), coalesce(l.is_flagged, false),
                 coalesce(l.commission_eligible, false), coalesce(l.commission_mask, 0::smallint), c.amount_cents)::earned_delta
        FROM (SELECT * FROM new_rows WHERE currency = 'usd') c LEFT JOIN referral_usage_log l ON l.id = c.referral_id
       WHERE c.status <> 'rejected');
    touched := ARRAY(SELECT referral_id FROM new_rows WHERE level = 'direct' AND referral_id IS NOT NULL);
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    deltas := deltas || ARRAY(
      SELECT ROW(l.id IS NOT NULL, coalesce(l.referrer_user_id, 0), coalesce(l.referral_code_id, 0),
                 (c.created_at AT TIME ZONE 'UTC')::date, coalesce(l.source, 'link'), coalesce(l.is_flagged, false),
                 coalesce(l.commission_eligible, false), coalesce(l.commission_mask, 0::smallint), -c.amount_cents)::earned_delta
        FROM (SELECT * FROM old_rows WHERE currency = 'usd') c LEFT JOIN referral_usage_log l ON l.id = c.referral_id
       WHERE c.status <> 'rejected');
    touched := touched || ARRAY(SELECT referral_id FROM old_rows WHERE level = 'direct' AND referral_id IS NOT NULL);
  END IF;
  PERFORM earned_add(deltas);

  IF cardinality(touched) > 0 THEN
    UPDATE referral_usage_log l
       SET commission_mask = s.mask, ledger_on_hold_cents = s.on_hold, ledger_approved_cents = s.approved,
           ledger_paid_cents = s.paid, ledger_reversed_cents = s.reversed, ledger_rejected_cents = s.rejected,
           commission_amount_cents = s.net_cents, commission_paid = s.summary_paid
      FROM (SELECT r.id, coalesce(bit_or(commission_status_bit(c.status)) FILTER (WHERE c.status IS NOT NULL), 0)::smallint AS mask,
                   coalesce(sum(c.amount_cents) FILTER (WHERE c.status = 'pending' AND c.currency = 'usd'), 0) AS on_hold,
                   coalesce(sum(c.amount_cents) FILTER (WHERE c.status = 'approved' AND c.currency = 'usd'), 0) AS approved,
                   coalesce(sum(c.amount_cents) FILTER (WHERE c.status = 'paid' AND c.currency = 'usd'), 0) AS paid,
                   coalesce(sum(c.amount_cents) FILTER (WHERE c.status = 'reversed' AND c.currency = 'usd'), 0) AS reversed,
                   coalesce(sum(c.amount_cents) FILTER (WHERE c.status = 'rejected' AND c.currency = 'usd'), 0) AS rejected,
                   coalesce(sum(c.amount_cents) FILTER (WHERE c.status <> 'rejected' AND c.currency = 'usd'), 0)::bigint AS net_cents,
                   coalesce(bool_or(c.kind = 'earning' AND c.status = 'paid'), false)
                     AND NOT coalesce(bool_or(c.status IN ('pending', 'approved')), false) AS summary_paid
              FROM (SELECT DISTINCT unnest(touched) AS id) r
              LEFT JOIN commissions c ON c.referral_id = r.id AND c.level = 'direct'
             GROUP BY r.id) s
     WHERE l.id = s.id
       AND (l.commission_mask, l.ledger_on_hold_cents, l.ledger_approved_cents, l.ledger_paid_cents,
            l.ledger_reversed_cents, l.ledger_rejected_cents, l.commission_amount_cents, l.commission_paid)
           IS DISTINCT FROM (s.mask, s.on_hold, s.approved, s.paid, s.reversed, s.rejected, s.net_cents, s.summary_paid);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- 0012's report_referral_stmt (as 0017 and 0027 rewrote it), with an update's referrer counters moved by
-- ONE statement of the net change (new rows minus old) instead of two: a payment's net paid or a ledger
-- change leaves in_review, rejected and the cents as they were, or moves them once — it no longer writes
-- the referrer's referrer_stats row twice (+new, −old) for nothing, a row every payment of the referrer
-- queues on.
CREATE OR REPLACE FUNCTION report_referral_stmt() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  deltas report_delta[] := '{}';
  pending bigint := 0;
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    deltas := ARRAY(
      SELECT ROW(coalesce(n.referrer_user_id, 0), coalesce(n.referral_code_id, 0), (n.used_at AT TIME ZONE 'UTC')::date,
                 n.source, n.is_flagged, n.commission_eligible, n.commission_mask, 1, n.commission_paid::int,
                 n.paying::int, n.commission_amount_cents, n.ledger_on_hold_cents, n.ledger_approved_cents,
                 n.ledger_paid_cents, n.ledger_reversed_cents, n.ledger_rejected_cents)::report_delta
        FROM new_rows n);
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    deltas := deltas || ARRAY(
      SELECT ROW(coalesce(o.referrer_user_id, 0), coalesce(o.referral_code_id, 0), (o.used_at AT TIME ZONE 'UTC')::date,
                 o.source, o.is_flagged, o.commission_eligible, o.commission_mask, -1, -(o.commission_paid::int),
                 -(o.paying::int), -o.commission_amount_cents, -o.ledger_on_hold_cents, -o.ledger_approved_cents,
                 -o.ledger_paid_cents, -o.ledger_reversed_cents, -o.ledger_rejected_cents)::report_delta
        FROM old_rows o);
  END IF;
  PERFORM report_add(deltas);

  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    pending := (SELECT count(*) FROM new_rows WHERE is_flagged AND review_status = 'pending');
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    pending := pending - (SELECT count(*) FROM old_rows WHERE is_flagged AND review_status = 'pending');
  END IF;
  IF pending <> 0 THEN
    UPDATE program_counters SET pending_review = pending_review + pending WHERE slot = (SELECT counter_slot());
  END IF;

  -- The referrer's own-referrals counters: new rows may create the row, the rest only update it.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO referrer_stats AS s (user_id, in_review, rejected, commission_cents)
    SELECT referrer_user_id, count(*) FILTER (WHERE review_status = 'pending'),
           count(*) FILTER (WHERE review_status = 'rejected'), sum(commission_amount_cents)
      FROM new_rows WHERE referrer_user_id IS NOT NULL GROUP BY 1 ORDER BY 1
    ON CONFLICT (user_id) DO UPDATE
       SET in_review = s.in_review + EXCLUDED.in_review, rejected = s.rejected + EXCLUDED.rejected,
           commission_cents = s.commission_cents + EXCLUDED.commission_cents;
  ELSIF TG_OP = 'UPDATE' THEN
    -- New rows added, old rows taken back (both only update existing counters), netted per referrer first:
    -- a referrer whose counters don't move is not written.
    UPDATE referrer_stats s
       SET in_review = s.in_review + d.in_review, rejected = s.rejected + d.rejected,
           commission_cents = s.commission_cents + d.cents
      FROM (SELECT referrer_user_id, sum(in_review) AS in_review, sum(rejected) AS rejected, sum(cents) AS cents
              FROM (SELECT referrer_user_id, (review_status = 'pending')::int AS in_review,
                           (review_status = 'rejected')::int AS rejected, commission_amount_cents AS cents
                      FROM new_rows WHERE referrer_user_id IS NOT NULL
                    UNION ALL
                    SELECT referrer_user_id, -(review_status = 'pending')::int, -(review_status = 'rejected')::int,
                           -commission_amount_cents
                      FROM old_rows WHERE referrer_user_id IS NOT NULL) x
             GROUP BY 1 ORDER BY 1) d
     WHERE s.user_id = d.referrer_user_id AND (d.in_review <> 0 OR d.rejected <> 0 OR d.cents <> 0);
  ELSE
    UPDATE referrer_stats s
       SET in_review = s.in_review - d.in_review, rejected = s.rejected - d.rejected,
           commission_cents = s.commission_cents - d.cents
      FROM (SELECT referrer_user_id, count(*) FILTER (WHERE review_status = 'pending') AS in_review,
                   count(*) FILTER (WHERE review_status = 'rejected') AS rejected, sum(commission_amount_cents) AS cents
              FROM old_rows WHERE referrer_user_id IS NOT NULL GROUP BY 1 ORDER BY 1) d
     WHERE s.user_id = d.referrer_user_id AND (d.in_review <> 0 OR d.rejected <> 0 OR d.cents <> 0);
  END IF;

  IF TG_OP = 'UPDATE' THEN
    PERFORM earned_add(ARRAY(
      SELECT ROW(true, coalesce(k.referrer_user_id, 0), coalesce(k.referral_code_id, 0),
                 (c.created_at AT TIME ZONE 'UTC')::date, k.source, k.is_flagged, k.commission_eligible,
                 k.commission_mask, k.sign * c.amount_cents)::earned_delta
        FROM (SELECT n.*, 1 AS sign FROM new_rows n JOIN old_rows o USING (id)
               WHERE (n.referrer_user_id, n.referral_code_id, n.source, n.is_flagged, n.commission_eligible, n.commission_mask)
                     IS DISTINCT FROM
                     (o.referrer_user_id, o.referral_code_id, o.source, o.is_flagged, o.commission_eligible, o.commission_mask)
              UNION ALL
              SELECT o.*, -1 FROM old_rows o JOIN new_rows n USING (id)
               WHERE (n.referrer_user_id, n.referral_code_id, n.source, n.is_flagged, n.commission_eligible, n.commission_mask)
                     IS DISTINCT FROM
                     (o.referrer_user_id, o.referral_code_id, o.source, o.is_flagged, o.commission_eligible, o.commission_mask)) k
        JOIN commissions c ON c.referral_id = k.id AND c.currency = 'usd'
       WHERE c.status <> 'rejected'));
  END IF;
  RETURN NULL;
END;
$$;
