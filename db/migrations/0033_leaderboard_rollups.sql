-- The leaderboard's counts, kept instead of counted per request. The board ranks referrers by referrals that
-- count (referral_is_counted: not held for review, not rejected), all time or over the last 30 whole UTC
-- days, ties going to whoever reached the count first (their latest counted referral). getLeaderboard
-- grouped every counted referral of the program on each request; at 1M referrals that is the program's
-- whole history per page view. Now: one row per referrer (all time) and one per referrer per day (the
-- 30-day board sums at most 30 rows per referrer). last_us is that latest counted referral in epoch
-- microseconds (0 when none), a number so the recount check (lib/referrals/rollup-mismatches.ts) compares
-- it like every other rollup value.
CREATE OR REPLACE FUNCTION epoch_us(t timestamptz) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$ SELECT (extract(epoch FROM t) * 1000000)::bigint $$;
--> statement-breakpoint
CREATE TABLE "referrer_counted" (
	"referrer_user_id" integer PRIMARY KEY NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"referrals" bigint DEFAULT 0 NOT NULL,
	"last_us" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrer_counted_daily" (
	"referrer_user_id" integer NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"day" date NOT NULL,
	"referrals" bigint DEFAULT 0 NOT NULL,
	"last_us" bigint DEFAULT 0 NOT NULL,
	PRIMARY KEY ("referrer_user_id", "day")
);
--> statement-breakpoint
CREATE INDEX "referrer_counted_daily_day_idx" ON "referrer_counted_daily" ("day");
--> statement-breakpoint

-- A counted referral added: counts up, latest moves forward.
CREATE OR REPLACE FUNCTION leaderboard_counted_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO referrer_counted AS s (referrer_user_id, referrals, last_us)
  SELECT referrer_user_id, count(*), max(epoch_us(used_at))
    FROM new_rows WHERE referrer_user_id IS NOT NULL AND referral_is_counted(review_status)
   GROUP BY 1 ORDER BY 1
  ON CONFLICT (referrer_user_id) DO UPDATE
     SET referrals = s.referrals + EXCLUDED.referrals, last_us = greatest(s.last_us, EXCLUDED.last_us);

  INSERT INTO referrer_counted_daily AS s (referrer_user_id, day, referrals, last_us)
  SELECT referrer_user_id, (used_at AT TIME ZONE 'UTC')::date, count(*), max(epoch_us(used_at))
    FROM new_rows WHERE referrer_user_id IS NOT NULL AND referral_is_counted(review_status)
   GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (referrer_user_id, day) DO UPDATE
     SET referrals = s.referrals + EXCLUDED.referrals, last_us = greatest(s.last_us, EXCLUDED.last_us);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- n counted referrals of referrer r on the UTC day of `at` (the latest of them) stopped counting (rejected,
-- deleted, moved). Runs after the table holds the new state, so a latest that went away is found again from
-- the rows that still count: that day's, through (referrer_user_id, used_at), then the referrer's latest
-- day that still has any. Rare (reviews, deletions), and bounded by one referrer's day.
CREATE OR REPLACE FUNCTION leaderboard_uncount(r integer, at timestamptz, n bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  d date := (at AT TIME ZONE 'UTC')::date;
  start timestamptz := d::timestamp AT TIME ZONE 'UTC';
BEGIN
  UPDATE referrer_counted_daily
     SET referrals = referrals - n,
         last_us = CASE
           WHEN referrals - n <= 0 THEN 0
           WHEN epoch_us(at) >= last_us THEN coalesce((
             SELECT epoch_us(max(l.used_at)) FROM referral_usage_log l
              WHERE l.referrer_user_id = r AND l.used_at >= start AND l.used_at < start + interval '1 day'
                AND referral_is_counted(l.review_status)), 0)
           ELSE last_us END
   WHERE referrer_user_id = r AND day = d;

  UPDATE referrer_counted
     SET referrals = referrals - n,
         last_us = CASE
           WHEN referrals - n <= 0 THEN 0
           WHEN epoch_us(at) >= last_us THEN coalesce((
             SELECT c.last_us FROM referrer_counted_daily c
              WHERE c.referrer_user_id = r AND c.referrals > 0 ORDER BY c.day DESC LIMIT 1), 0)
           ELSE last_us END
   WHERE referrer_user_id = r;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION leaderboard_counted_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  g record;
BEGIN
  FOR g IN SELECT referrer_user_id AS r, max(used_at) AS at, count(*) AS n
             FROM old_rows WHERE referrer_user_id IS NOT NULL AND referral_is_counted(review_status)
            GROUP BY referrer_user_id, (used_at AT TIME ZONE 'UTC')::date ORDER BY 1, 2
  LOOP
    PERFORM leaderboard_uncount(g.r, g.at, g.n);
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- One referral changed: a review decided, its referrer gone (ON DELETE SET NULL) or its time moved.
CREATE OR REPLACE FUNCTION leaderboard_counted_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  was boolean := OLD.referrer_user_id IS NOT NULL AND referral_is_counted(OLD.review_status);
  now_counts boolean := NEW.referrer_user_id IS NOT NULL AND referral_is_counted(NEW.review_status);
BEGIN
  IF was AND now_counts AND OLD.referrer_user_id = NEW.referrer_user_id AND OLD.used_at = NEW.used_at THEN
    RETURN NULL;
  END IF;
  IF now_counts THEN
    INSERT INTO referrer_counted AS s (referrer_user_id, referrals, last_us)
    VALUES (NEW.referrer_user_id, 1, epoch_us(NEW.used_at))
    ON CONFLICT (referrer_user_id) DO UPDATE
       SET referrals = s.referrals + 1, last_us = greatest(s.last_us, EXCLUDED.last_us);
    INSERT INTO referrer_counted_daily AS s (referrer_user_id, day, referrals, last_us)
    VALUES (NEW.referrer_user_id, (NEW.used_at AT TIME ZONE 'UTC')::date, 1, epoch_us(NEW.used_at))
    ON CONFLICT (referrer_user_id, day) DO UPDATE
       SET referrals = s.referrals + 1, last_us = greatest(s.last_us, EXCLUDED.last_us);
  END IF;
  IF was THEN
    PERFORM leaderboard_uncount(OLD.referrer_user_id, OLD.used_at, 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION leaderboard_counted_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM referrer_counted_daily;
  DELETE FROM referrer_counted;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER leaderboard_counted_insert AFTER INSERT ON referral_usage_log
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION leaderboard_counted_insert();
--> statement-breakpoint
CREATE TRIGGER leaderboard_counted_delete AFTER DELETE ON referral_usage_log
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION leaderboard_counted_delete();
--> statement-breakpoint
CREATE TRIGGER leaderboard_counted_update
AFTER UPDATE OF review_status, referrer_user_id, used_at ON referral_usage_log FOR EACH ROW
WHEN (OLD.review_status IS DISTINCT FROM NEW.review_status
   OR OLD.referrer_user_id IS DISTINCT FROM NEW.referrer_user_id
   OR OLD.used_at IS DISTINCT FROM NEW.used_at)
EXECUTE FUNCTION leaderboard_counted_update();
--> statement-breakpoint
CREATE TRIGGER leaderboard_counted_truncate AFTER TRUNCATE ON referral_usage_log
FOR EACH STATEMENT EXECUTE FUNCTION leaderboard_counted_truncate();
--> statement-breakpoint

-- What is there already.
INSERT INTO referrer_counted (referrer_user_id, referrals, last_us)
SELECT referrer_user_id, count(*), max(epoch_us(used_at))
  FROM referral_usage_log WHERE referrer_user_id IS NOT NULL AND referral_is_counted(review_status)
 GROUP BY 1;
--> statement-breakpoint
INSERT INTO referrer_counted_daily (referrer_user_id, day, referrals, last_us)
SELECT referrer_user_id, (used_at AT TIME ZONE 'UTC')::date, count(*), max(epoch_us(used_at))
  FROM referral_usage_log WHERE referrer_user_id IS NOT NULL AND referral_is_counted(review_status)
 GROUP BY 1, 2;
