-- The points a referrer earned through their own referrals (referrer_stats.points_available; per referral
-- on /dashboard/referrals and GET /api/me/referrals) are net of points taken back (0021): a take-back row
-- moves only what the balance held and owes the rest as debt_points, so the referral's available points are
-- Σ delta − Σ debt still owed. As later earnings pay the debt (a debit row for the same referral, and the
-- take-back's debt_points lowered by as much), the figure stays the same: the referral's points stay taken
-- back. Same trigger as 0012 otherwise; the counters of any debt already owed are corrected below.
CREATE OR REPLACE FUNCTION referrer_points_stmt() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO referrer_stats AS s (user_id, points_available, points_pending)
    SELECT user_id, coalesce(sum(delta_points - debt_points) FILTER (WHERE status = 'available'), 0),
           coalesce(sum(delta_points) FILTER (WHERE status = 'pending'), 0)
      FROM new_rows WHERE from_own_referral AND referral_id IS NOT NULL
     GROUP BY user_id ORDER BY user_id
    ON CONFLICT (user_id) DO UPDATE
       SET points_available = s.points_available + EXCLUDED.points_available,
           points_pending = s.points_pending + EXCLUDED.points_pending;
  ELSE
    IF TG_OP = 'UPDATE' THEN
      UPDATE referrer_stats s
         SET points_available = s.points_available + d.available, points_pending = s.points_pending + d.pending
        FROM (SELECT user_id, coalesce(sum(delta_points - debt_points) FILTER (WHERE status = 'available'), 0) AS available,
                     coalesce(sum(delta_points) FILTER (WHERE status = 'pending'), 0) AS pending
                FROM new_rows WHERE from_own_referral AND referral_id IS NOT NULL GROUP BY 1 ORDER BY 1) d
       WHERE s.user_id = d.user_id AND (d.available <> 0 OR d.pending <> 0);
    END IF;
    UPDATE referrer_stats s
       SET points_available = s.points_available - d.available, points_pending = s.points_pending - d.pending
      FROM (SELECT user_id, coalesce(sum(delta_points - debt_points) FILTER (WHERE status = 'available'), 0) AS available,
                   coalesce(sum(delta_points) FILTER (WHERE status = 'pending'), 0) AS pending
              FROM old_rows WHERE from_own_referral AND referral_id IS NOT NULL GROUP BY 1 ORDER BY 1) d
     WHERE s.user_id = d.user_id AND (d.available <> 0 OR d.pending <> 0);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A database that ran 0021 before this one may already owe points: its counters summed deltas only, so they
-- are off by exactly the debt still owed on own-referral rows.
UPDATE referrer_stats s SET points_available = s.points_available - d.debt
  FROM (SELECT user_id, sum(debt_points) AS debt FROM points_ledger
         WHERE from_own_referral AND referral_id IS NOT NULL AND status = 'available' AND debt_points > 0
         GROUP BY user_id) d
 WHERE s.user_id = d.user_id;
