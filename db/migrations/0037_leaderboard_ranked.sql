-- The leaderboard read from indexes instead of ranking every referrer per request (issue 12 at 1M
-- referrals: 0033's counts were still all grouped, joined to users and numbered with row_number() on each
-- page view). Three things make each board a short index walk:
--   - referrer_counted.listed: whether the referrer is on the board at all (an active client), kept from
--     users by a trigger, so the board's indexes hold only the rows it shows;
--   - referrer_counted.recent: the referrer's counted referrals on UTC days >= leaderboard_window.first_day,
--     the first day of "the last 30 days". The usage-log triggers add and take away inside the window; the
--     job `leaderboard:move-window` (lib/referrals/leaderboard-window.ts) moves first_day each day and takes
--     the day that fell out away (one day's referrers, never the whole program);
--   - one index per board in its order — most referrals, then whoever reached the count first (latest
--     counted referral), then the older account — so the top rows are the index's first entries and a
--     viewer's place is 1 + the entries strictly ahead of theirs.
-- The latest counted referral (last_us) is the same for both boards: the window has no end, so when a
-- referrer has any referral in it, their latest is in it.
CREATE TABLE "leaderboard_window" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL CHECK ("id"),
	"first_day" date NOT NULL
);
--> statement-breakpoint
INSERT INTO leaderboard_window (first_day) VALUES ((now() AT TIME ZONE 'UTC')::date - 29);
--> statement-breakpoint
ALTER TABLE "referrer_counted" ADD COLUMN "recent" bigint DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE "referrer_counted" ADD COLUMN "listed" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
UPDATE referrer_counted c
   SET listed = (u.status = 'active' AND u.role = 'client'),
       recent = coalesce((SELECT sum(d.referrals) FROM referrer_counted_daily d
                           WHERE d.referrer_user_id = c.referrer_user_id
                             AND d.day >= (SELECT first_day FROM leaderboard_window)), 0)
  FROM users u WHERE u.id = c.referrer_user_id;
--> statement-breakpoint
-- Negated counts: one ascending key, so "strictly ahead" is one row comparison the index answers.
CREATE INDEX "referrer_counted_all_rank_idx" ON "referrer_counted" ((-"referrals"), "last_us", "referrer_user_id")
WHERE "listed" AND "referrals" > 0;
--> statement-breakpoint
CREATE INDEX "referrer_counted_recent_rank_idx" ON "referrer_counted" ((-"recent"), "last_us", "referrer_user_id")
WHERE "listed" AND "recent" > 0;
--> statement-breakpoint

-- Whether a referrer is on the board follows their account (suspended, made admin, back to active).
CREATE OR REPLACE FUNCTION leaderboard_listed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE referrer_counted SET listed = (NEW.status = 'active' AND NEW.role = 'client')
   WHERE referrer_user_id = NEW.id AND listed IS DISTINCT FROM (NEW.status = 'active' AND NEW.role = 'client');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER leaderboard_listed AFTER UPDATE OF status, role ON users FOR EACH ROW
WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.role IS DISTINCT FROM NEW.role)
EXECUTE FUNCTION leaderboard_listed();
--> statement-breakpoint

-- Every trigger below writes referrer_counted_daily first and only then reads first_day: moving the window
-- takes a SHARE lock on referrer_counted_daily before it reads the day that falls out, so a change either
-- committed before the move (the move sees it in that day and takes it away) or waits for the move and then
-- reads the new first_day. Daily row, then referrer row: the same order everywhere, so two writers never
-- wait on each other crosswise.
CREATE OR REPLACE FUNCTION leaderboard_counted_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  f date;
BEGIN
  INSERT INTO referrer_counted_daily AS s (referrer_user_id, day, referrals, last_us)
  SELECT referrer_user_id, (used_at AT TIME ZONE 'UTC')::date, count(*), max(epoch_us(used_at))
    FROM new_rows WHERE referrer_user_id IS NOT NULL AND referral_is_counted(review_status)
   GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (referrer_user_id, day) DO UPDATE
     SET referrals = s.referrals + EXCLUDED.referrals, last_us = greatest(s.last_us, EXCLUDED.last_us);

  SELECT first_day INTO f FROM leaderboard_window;
  INSERT INTO referrer_counted AS s (referrer_user_id, referrals, last_us, recent, listed)
  SELECT g.referrer_user_id, g.referrals, g.last_us, g.recent,
         coalesce(u.status = 'active' AND u.role = 'client', false)
    FROM (SELECT referrer_user_id, count(*) AS referrals, max(epoch_us(used_at)) AS last_us,
                 count(*) FILTER (WHERE (used_at AT TIME ZONE 'UTC')::date >= f) AS recent
            FROM new_rows WHERE referrer_user_id IS NOT NULL AND referral_is_counted(review_status)
           GROUP BY 1) g
    LEFT JOIN users u ON u.id = g.referrer_user_id
   ORDER BY 1
  ON CONFLICT (referrer_user_id) DO UPDATE
     SET referrals = s.referrals + EXCLUDED.referrals, last_us = greatest(s.last_us, EXCLUDED.last_us),
         recent = s.recent + EXCLUDED.recent;
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
  f date;
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

  SELECT first_day INTO f FROM leaderboard_window;
  UPDATE referrer_counted
     SET referrals = referrals - n,
         recent = recent - CASE WHEN d >= f THEN n ELSE 0 END,
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
-- One referral changed: a review decided, its referrer gone (ON DELETE SET NULL) or its time moved.
CREATE OR REPLACE FUNCTION leaderboard_counted_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  was boolean := OLD.referrer_user_id IS NOT NULL AND referral_is_counted(OLD.review_status);
  now_counts boolean := NEW.referrer_user_id IS NOT NULL AND referral_is_counted(NEW.review_status);
  d date := (NEW.used_at AT TIME ZONE 'UTC')::date;
  f date;
BEGIN
  IF was AND now_counts AND OLD.referrer_user_id = NEW.referrer_user_id AND OLD.used_at = NEW.used_at THEN
    RETURN NULL;
  END IF;
  IF now_counts THEN
    INSERT INTO referrer_counted_daily AS s (referrer_user_id, day, referrals, last_us)
    VALUES (NEW.referrer_user_id, d, 1, epoch_us(NEW.used_at))
    ON CONFLICT (referrer_user_id, day) DO UPDATE
       SET referrals = s.referrals + 1, last_us = greatest(s.last_us, EXCLUDED.last_us);
    SELECT first_day INTO f FROM leaderboard_window;
    INSERT INTO referrer_counted AS s (referrer_user_id, referrals, last_us, recent, listed)
    SELECT NEW.referrer_user_id, 1, epoch_us(NEW.used_at), CASE WHEN d >= f THEN 1 ELSE 0 END,
           coalesce((SELECT u.status = 'active' AND u.role = 'client' FROM users u WHERE u.id = NEW.referrer_user_id), false)
    ON CONFLICT (referrer_user_id) DO UPDATE
       SET referrals = s.referrals + 1, last_us = greatest(s.last_us, EXCLUDED.last_us),
           recent = s.recent + EXCLUDED.recent;
  END IF;
  IF was THEN
    PERFORM leaderboard_uncount(OLD.referrer_user_id, OLD.used_at, 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint

-- Moves "the last 30 days" to start at `first`: the referrers' recent counts lose the days that left the
-- window (or, moved back, regain the days that came into it), from referrer_counted_daily — one pass over
-- the days in between, each a day's referrers. Idempotent: moving to where it is changes nothing. Returns
-- how many days it moved. The SHARE lock waits for the referral writes in flight and holds new ones back
-- for the moment of the move (see the triggers above); the window row's lock orders two concurrent moves.
CREATE OR REPLACE FUNCTION leaderboard_move_window(first date) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  cur date;
BEGIN
  SELECT first_day INTO cur FROM leaderboard_window;
  IF cur = first THEN
    RETURN 0;
  END IF;
  LOCK TABLE referrer_counted_daily IN SHARE MODE;
  SELECT first_day INTO cur FROM leaderboard_window FOR UPDATE;
  IF cur = first THEN
    RETURN 0;
  END IF;
  UPDATE referrer_counted c
     SET recent = c.recent + m.referrals
    FROM (SELECT referrer_user_id, sum(CASE WHEN first > cur THEN -referrals ELSE referrals END) AS referrals
            FROM referrer_counted_daily
           WHERE day >= least(cur, first) AND day < greatest(cur, first)
           GROUP BY 1) m
   WHERE c.referrer_user_id = m.referrer_user_id AND m.referrals <> 0;
  UPDATE leaderboard_window SET first_day = first;
  RETURN abs(first - cur);
END;
$$;
