-- report_referral_stmt (full body; 0012's with its later changes): an UPDATE of referrals moved the
-- referrer's counters twice, the new rows' values added and then the old rows' taken back, so each UPDATE
-- of a referral (a payment's net paid, its ledger summaries: three per payment) wrote the referrer's
-- referrer_stats row twice even when nothing changed: 6 writes of a top referrer's hottest row per
-- renewal, each a new row version under the lock all their payments queue on. Now once by the net
-- change, and not at all when it nets to zero. Only the UPDATE branch changed.
CREATE OR REPLACE FUNCTION report_referral_stmt() RETURNS trigger
LANGUAGE plpgsql AS $function$
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
    -- Moved once by the net change (new rows minus old rows), and not at all when it nets to zero: a
    -- payment's update of its referral's net paid, or of its ledger summaries, leaves these counters as
    -- they are, and the referrer's row unwritten.
    UPDATE referrer_stats s
       SET in_review = s.in_review + d.in_review, rejected = s.rejected + d.rejected,
           commission_cents = s.commission_cents + d.cents
      FROM (SELECT referrer_user_id, sum(in_review) AS in_review, sum(rejected) AS rejected, sum(cents) AS cents
              FROM (SELECT referrer_user_id, (review_status = 'pending')::int AS in_review,
                           (review_status = 'rejected')::int AS rejected, commission_amount_cents AS cents
                      FROM new_rows WHERE referrer_user_id IS NOT NULL
                    UNION ALL
                    SELECT referrer_user_id, -((review_status = 'pending')::int), -((review_status = 'rejected')::int),
                           -commission_amount_cents
                      FROM old_rows WHERE referrer_user_id IS NOT NULL) x
             GROUP BY 1 ORDER BY 1) d
     WHERE s.user_id = d.referrer_user_id AND (d.in_review <> 0 OR d.rejected <> 0 OR d.cents <> 0);
  ELSE
    -- Taken back: the old rows (a delete only updates existing counters).
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
$function$;
