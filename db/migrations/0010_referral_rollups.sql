-- Custom migration (hand-written): counters and rollups of the referral program, kept by triggers in the
-- transaction that writes the event, so no request counts a referrer's or a code's whole history.
--
--   referral_usage_log.net_paid_cents  payments − refunds − chargebacks of the referred client
--   referrer_stats                     per referrer: referrals, counted (not in review, not rejected),
--                                      qualified (counted and net paid > 0)
--   referral_code_stats                per code: clicks, signups, qualified (the code's conversions)
--   referral_code_daily                per code and UTC day: clicks, signups (charts, windows, monthly report)
--   referrer_source_stats              per referrer and source: signups
--   commission_totals                  per beneficiary, level, status and code: cents and rows
--   commission_daily                   per beneficiary, level, status and UTC day of creation: cents and rows
--
-- Inserts and deletes are statement triggers over transition tables: a bulk insert (the seed) moves each
-- counter once per statement. Upserts run in key order so concurrent writers lock rows in one order.
-- Decrements only UPDATE (never insert): inside a cascade the row they would touch may already be gone.
-- lib/queries/referral-rollups.test.ts holds every counter equal to a recount of the raw rows.

ALTER TABLE "referral_usage_log" ADD COLUMN "net_paid_cents" bigint DEFAULT 0 NOT NULL;
--> statement-breakpoint
UPDATE "referral_usage_log" l
   SET "net_paid_cents" = p.net
  FROM (SELECT user_id, sum(CASE WHEN type = 'payment' THEN amount_cents ELSE -amount_cents END) AS net
          FROM payments GROUP BY user_id) p
 WHERE p.user_id = l.referred_user_id;
--> statement-breakpoint

CREATE TABLE "referrer_stats" (
	"user_id" integer PRIMARY KEY NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"referrals" bigint DEFAULT 0 NOT NULL,
	"counted_referrals" bigint DEFAULT 0 NOT NULL,
	"qualified_referrals" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_code_stats" (
	"referral_code_id" integer PRIMARY KEY NOT NULL REFERENCES "referral_codes"("id") ON DELETE CASCADE,
	"clicks" bigint DEFAULT 0 NOT NULL,
	"signups" bigint DEFAULT 0 NOT NULL,
	"qualified" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_code_daily" (
	"referral_code_id" integer NOT NULL REFERENCES "referral_codes"("id") ON DELETE CASCADE,
	"day" date NOT NULL,
	"clicks" bigint DEFAULT 0 NOT NULL,
	"signups" bigint DEFAULT 0 NOT NULL,
	PRIMARY KEY ("referral_code_id", "day")
);
--> statement-breakpoint
CREATE TABLE "referrer_source_stats" (
	"referrer_user_id" integer NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"source" "referral_source" NOT NULL,
	"signups" bigint DEFAULT 0 NOT NULL,
	PRIMARY KEY ("referrer_user_id", "source")
);
--> statement-breakpoint
-- referral_code_id 0: a commission without a referral (or whose referral has no code).
CREATE TABLE "commission_totals" (
	"beneficiary_user_id" integer NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"level" "commission_level" NOT NULL,
	"status" "commission_status" NOT NULL,
	"referral_code_id" integer NOT NULL,
	"amount_cents" bigint DEFAULT 0 NOT NULL,
	"entries" bigint DEFAULT 0 NOT NULL,
	PRIMARY KEY ("beneficiary_user_id", "level", "status", "referral_code_id")
);
--> statement-breakpoint
CREATE TABLE "commission_daily" (
	"beneficiary_user_id" integer NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"level" "commission_level" NOT NULL,
	"status" "commission_status" NOT NULL,
	"day" date NOT NULL,
	"amount_cents" bigint DEFAULT 0 NOT NULL,
	"entries" bigint DEFAULT 0 NOT NULL,
	PRIMARY KEY ("beneficiary_user_id", "day", "level", "status")
);
--> statement-breakpoint

-- ---- Payments → the referral's net paid ----------------------------------------------------------------
CREATE OR REPLACE FUNCTION referral_net_paid_stmt() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE referral_usage_log l SET net_paid_cents = l.net_paid_cents + d.delta
      FROM (SELECT user_id, sum(CASE WHEN type = 'payment' THEN amount_cents ELSE -amount_cents END) AS delta
              FROM new_rows GROUP BY user_id ORDER BY user_id) d
     WHERE l.referred_user_id = d.user_id AND d.delta <> 0;
  ELSE
    UPDATE referral_usage_log l SET net_paid_cents = l.net_paid_cents - d.delta
      FROM (SELECT user_id, sum(CASE WHEN type = 'payment' THEN amount_cents ELSE -amount_cents END) AS delta
              FROM old_rows GROUP BY user_id ORDER BY user_id) d
     WHERE l.referred_user_id = d.user_id AND d.delta <> 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER referral_net_paid_insert AFTER INSERT ON payments
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION referral_net_paid_stmt();
--> statement-breakpoint
CREATE TRIGGER referral_net_paid_delete AFTER DELETE ON payments
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION referral_net_paid_stmt();
--> statement-breakpoint

-- ---- Referrals → referrer, code, day and source counters ---------------------------------------------
-- Counted and qualified are the SQL twins of lib/referrals/qualified.ts (one definition).
CREATE OR REPLACE FUNCTION referral_is_counted(review review_status) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$ SELECT review IN ('not_required', 'approved') $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION referral_is_qualified(review review_status, net_paid bigint) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$ SELECT review IN ('not_required', 'approved') AND net_paid > 0 $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION referral_rollups_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO referrer_stats AS s (user_id, referrals, counted_referrals, qualified_referrals)
  SELECT referrer_user_id, count(*),
         count(*) FILTER (WHERE referral_is_counted(review_status)),
         count(*) FILTER (WHERE referral_is_qualified(review_status, net_paid_cents))
    FROM new_rows WHERE referrer_user_id IS NOT NULL
   GROUP BY referrer_user_id ORDER BY referrer_user_id
  ON CONFLICT (user_id) DO UPDATE
     SET referrals = s.referrals + EXCLUDED.referrals,
         counted_referrals = s.counted_referrals + EXCLUDED.counted_referrals,
         qualified_referrals = s.qualified_referrals + EXCLUDED.qualified_referrals;

  INSERT INTO referral_code_stats AS s (referral_code_id, signups, qualified)
  SELECT referral_code_id, count(*), count(*) FILTER (WHERE referral_is_qualified(review_status, net_paid_cents))
    FROM new_rows WHERE referral_code_id IS NOT NULL
   GROUP BY referral_code_id ORDER BY referral_code_id
  ON CONFLICT (referral_code_id) DO UPDATE
     SET signups = s.signups + EXCLUDED.signups, qualified = s.qualified + EXCLUDED.qualified;

  INSERT INTO referral_code_daily AS s (referral_code_id, day, signups)
  SELECT referral_code_id, (used_at AT TIME ZONE 'UTC')::date, count(*)
    FROM new_rows WHERE referral_code_id IS NOT NULL
   GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (referral_code_id, day) DO UPDATE SET signups = s.signups + EXCLUDED.signups;

  INSERT INTO referrer_source_stats AS s (referrer_user_id, source, signups)
  SELECT referrer_user_id, source, count(*)
    FROM new_rows WHERE referrer_user_id IS NOT NULL
   GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (referrer_user_id, source) DO UPDATE SET signups = s.signups + EXCLUDED.signups;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION referral_rollups_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE referrer_stats s
     SET referrals = s.referrals - d.n, counted_referrals = s.counted_referrals - d.counted,
         qualified_referrals = s.qualified_referrals - d.qualified
    FROM (SELECT referrer_user_id, count(*) AS n,
                 count(*) FILTER (WHERE referral_is_counted(review_status)) AS counted,
                 count(*) FILTER (WHERE referral_is_qualified(review_status, net_paid_cents)) AS qualified
            FROM old_rows WHERE referrer_user_id IS NOT NULL GROUP BY 1 ORDER BY 1) d
   WHERE s.user_id = d.referrer_user_id;

  UPDATE referral_code_stats s SET signups = s.signups - d.n, qualified = s.qualified - d.qualified
    FROM (SELECT referral_code_id, count(*) AS n,
                 count(*) FILTER (WHERE referral_is_qualified(review_status, net_paid_cents)) AS qualified
            FROM old_rows WHERE referral_code_id IS NOT NULL GROUP BY 1 ORDER BY 1) d
   WHERE s.referral_code_id = d.referral_code_id;

  UPDATE referral_code_daily s SET signups = s.signups - d.n
    FROM (SELECT referral_code_id, (used_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n
            FROM old_rows WHERE referral_code_id IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2) d
   WHERE s.referral_code_id = d.referral_code_id AND s.day = d.day;

  UPDATE referrer_source_stats s SET signups = s.signups - d.n
    FROM (SELECT referrer_user_id, source, count(*) AS n
            FROM old_rows WHERE referrer_user_id IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2) d
   WHERE s.referrer_user_id = d.referrer_user_id AND s.source = d.source;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- One referral changed what it counts toward: a review decided, money in or out, a referrer or code gone
-- (ON DELETE SET NULL). Its old contribution is taken back and its new one added.
CREATE OR REPLACE FUNCTION referral_rollups_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  old_counted int := CASE WHEN referral_is_counted(OLD.review_status) THEN 1 ELSE 0 END;
  new_counted int := CASE WHEN referral_is_counted(NEW.review_status) THEN 1 ELSE 0 END;
  old_qualified int := CASE WHEN referral_is_qualified(OLD.review_status, OLD.net_paid_cents) THEN 1 ELSE 0 END;
  new_qualified int := CASE WHEN referral_is_qualified(NEW.review_status, NEW.net_paid_cents) THEN 1 ELSE 0 END;
BEGIN
  IF OLD.referrer_user_id IS NOT DISTINCT FROM NEW.referrer_user_id THEN
    IF NEW.referrer_user_id IS NOT NULL AND (old_counted <> new_counted OR old_qualified <> new_qualified) THEN
      UPDATE referrer_stats
         SET counted_referrals = counted_referrals + new_counted - old_counted,
             qualified_referrals = qualified_referrals + new_qualified - old_qualified
       WHERE user_id = NEW.referrer_user_id;
    END IF;
  ELSE
    IF OLD.referrer_user_id IS NOT NULL THEN
      UPDATE referrer_stats
         SET referrals = referrals - 1, counted_referrals = counted_referrals - old_counted,
             qualified_referrals = qualified_referrals - old_qualified
       WHERE user_id = OLD.referrer_user_id;
      UPDATE referrer_source_stats SET signups = signups - 1
       WHERE referrer_user_id = OLD.referrer_user_id AND source = OLD.source;
    END IF;
    IF NEW.referrer_user_id IS NOT NULL THEN
      INSERT INTO referrer_stats AS s (user_id, referrals, counted_referrals, qualified_referrals)
      VALUES (NEW.referrer_user_id, 1, new_counted, new_qualified)
      ON CONFLICT (user_id) DO UPDATE
         SET referrals = s.referrals + 1, counted_referrals = s.counted_referrals + new_counted,
             qualified_referrals = s.qualified_referrals + new_qualified;
      INSERT INTO referrer_source_stats AS s (referrer_user_id, source, signups)
      VALUES (NEW.referrer_user_id, NEW.source, 1)
      ON CONFLICT (referrer_user_id, source) DO UPDATE SET signups = s.signups + 1;
    END IF;
  END IF;

  IF OLD.referral_code_id IS NOT DISTINCT FROM NEW.referral_code_id THEN
    IF NEW.referral_code_id IS NOT NULL AND old_qualified <> new_qualified THEN
      UPDATE referral_code_stats SET qualified = qualified + new_qualified - old_qualified
       WHERE referral_code_id = NEW.referral_code_id;
    END IF;
  ELSE
    IF OLD.referral_code_id IS NOT NULL THEN
      UPDATE referral_code_stats SET signups = signups - 1, qualified = qualified - old_qualified
       WHERE referral_code_id = OLD.referral_code_id;
      UPDATE referral_code_daily SET signups = signups - 1
       WHERE referral_code_id = OLD.referral_code_id AND day = (OLD.used_at AT TIME ZONE 'UTC')::date;
    END IF;
    IF NEW.referral_code_id IS NOT NULL THEN
      INSERT INTO referral_code_stats AS s (referral_code_id, signups, qualified)
      VALUES (NEW.referral_code_id, 1, new_qualified)
      ON CONFLICT (referral_code_id) DO UPDATE
         SET signups = s.signups + 1, qualified = s.qualified + new_qualified;
      INSERT INTO referral_code_daily AS s (referral_code_id, day, signups)
      VALUES (NEW.referral_code_id, (NEW.used_at AT TIME ZONE 'UTC')::date, 1)
      ON CONFLICT (referral_code_id, day) DO UPDATE SET signups = s.signups + 1;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER referral_rollups_insert AFTER INSERT ON referral_usage_log
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION referral_rollups_insert();
--> statement-breakpoint
CREATE TRIGGER referral_rollups_delete AFTER DELETE ON referral_usage_log
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION referral_rollups_delete();
--> statement-breakpoint
CREATE TRIGGER referral_rollups_update
AFTER UPDATE OF review_status, net_paid_cents, referrer_user_id, referral_code_id, used_at, source
ON referral_usage_log FOR EACH ROW
WHEN (OLD.review_status IS DISTINCT FROM NEW.review_status
   OR (OLD.net_paid_cents > 0) IS DISTINCT FROM (NEW.net_paid_cents > 0)
   OR OLD.referrer_user_id IS DISTINCT FROM NEW.referrer_user_id
   OR OLD.referral_code_id IS DISTINCT FROM NEW.referral_code_id)
EXECUTE FUNCTION referral_rollups_update();
--> statement-breakpoint

-- ---- Clicks → code and day counters -------------------------------------------------------------------
CREATE OR REPLACE FUNCTION click_rollups_stmt() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO referral_code_stats AS s (referral_code_id, clicks)
    SELECT referral_code_id, count(*) FROM new_rows GROUP BY 1 ORDER BY 1
    ON CONFLICT (referral_code_id) DO UPDATE SET clicks = s.clicks + EXCLUDED.clicks;
    INSERT INTO referral_code_daily AS s (referral_code_id, day, clicks)
    SELECT referral_code_id, (clicked_at AT TIME ZONE 'UTC')::date, count(*) FROM new_rows
     GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (referral_code_id, day) DO UPDATE SET clicks = s.clicks + EXCLUDED.clicks;
  ELSE
    UPDATE referral_code_stats s SET clicks = s.clicks - d.n
      FROM (SELECT referral_code_id, count(*) AS n FROM old_rows GROUP BY 1 ORDER BY 1) d
     WHERE s.referral_code_id = d.referral_code_id;
    UPDATE referral_code_daily s SET clicks = s.clicks - d.n
      FROM (SELECT referral_code_id, (clicked_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n
              FROM old_rows GROUP BY 1, 2 ORDER BY 1, 2) d
     WHERE s.referral_code_id = d.referral_code_id AND s.day = d.day;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER click_rollups_insert AFTER INSERT ON referral_clicks
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION click_rollups_stmt();
--> statement-breakpoint
CREATE TRIGGER click_rollups_delete AFTER DELETE ON referral_clicks
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION click_rollups_stmt();
--> statement-breakpoint

-- ---- Commissions → totals by status and code, and by day of creation ----------------------------------
CREATE TYPE "commission_rollup_delta" AS (
	beneficiary_user_id integer, level commission_level, status commission_status,
	referral_code_id integer, day date, cents bigint, n bigint
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION commission_rollups_add(deltas commission_rollup_delta[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO commission_totals AS s (beneficiary_user_id, level, status, referral_code_id, amount_cents, entries)
  SELECT beneficiary_user_id, level, status, referral_code_id, sum(cents), sum(n)
    FROM unnest(deltas) GROUP BY 1, 2, 3, 4
  HAVING sum(cents) <> 0 OR sum(n) <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (beneficiary_user_id, level, status, referral_code_id) DO UPDATE
     SET amount_cents = s.amount_cents + EXCLUDED.amount_cents, entries = s.entries + EXCLUDED.entries;

  INSERT INTO commission_daily AS s (beneficiary_user_id, level, status, day, amount_cents, entries)
  SELECT beneficiary_user_id, level, status, day, sum(cents), sum(n)
    FROM unnest(deltas) GROUP BY 1, 2, 3, 4
  HAVING sum(cents) <> 0 OR sum(n) <> 0
   ORDER BY 1, 4, 2, 3
  ON CONFLICT (beneficiary_user_id, day, level, status) DO UPDATE
     SET amount_cents = s.amount_cents + EXCLUDED.amount_cents, entries = s.entries + EXCLUDED.entries;
END;
$$;
--> statement-breakpoint
-- Each written row adds (its key, +cents, +1); each removed or overwritten row adds (its old key, −cents,
-- −1). An update that changes neither key nor amount (a payout id, a note) nets to zero and writes nothing.
CREATE OR REPLACE FUNCTION commission_rollups_stmt() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM commission_rollups_add(ARRAY(
      SELECT ROW(c.beneficiary_user_id, c.level, c.status, coalesce(l.referral_code_id, 0),
                 (c.created_at AT TIME ZONE 'UTC')::date, c.amount_cents, 1)::commission_rollup_delta
        FROM new_rows c LEFT JOIN referral_usage_log l ON l.id = c.referral_id));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM commission_rollups_add(ARRAY(
      SELECT ROW(c.beneficiary_user_id, c.level, c.status, coalesce(l.referral_code_id, 0),
                 (c.created_at AT TIME ZONE 'UTC')::date, c.amount_cents, 1)::commission_rollup_delta
        FROM new_rows c LEFT JOIN referral_usage_log l ON l.id = c.referral_id
      UNION ALL
      SELECT ROW(c.beneficiary_user_id, c.level, c.status, coalesce(l.referral_code_id, 0),
                 (c.created_at AT TIME ZONE 'UTC')::date, -c.amount_cents, -1)::commission_rollup_delta
        FROM old_rows c LEFT JOIN referral_usage_log l ON l.id = c.referral_id));
  ELSE
    PERFORM commission_rollups_add(ARRAY(
      SELECT ROW(c.beneficiary_user_id, c.level, c.status, coalesce(l.referral_code_id, 0),
                 (c.created_at AT TIME ZONE 'UTC')::date, -c.amount_cents, -1)::commission_rollup_delta
        FROM old_rows c LEFT JOIN referral_usage_log l ON l.id = c.referral_id));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER commission_rollups_insert AFTER INSERT ON commissions
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION commission_rollups_stmt();
--> statement-breakpoint
CREATE TRIGGER commission_rollups_update AFTER UPDATE ON commissions
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION commission_rollups_stmt();
--> statement-breakpoint
CREATE TRIGGER commission_rollups_delete AFTER DELETE ON commissions
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION commission_rollups_stmt();
--> statement-breakpoint

-- ---- Backfill from the rows already there ------------------------------------------------------------
INSERT INTO referrer_stats (user_id, referrals, counted_referrals, qualified_referrals)
SELECT referrer_user_id, count(*), count(*) FILTER (WHERE referral_is_counted(review_status)),
       count(*) FILTER (WHERE referral_is_qualified(review_status, net_paid_cents))
  FROM referral_usage_log WHERE referrer_user_id IS NOT NULL GROUP BY 1;
--> statement-breakpoint
INSERT INTO referral_code_stats (referral_code_id, clicks, signups, qualified)
SELECT rc.id,
       (SELECT count(*) FROM referral_clicks k WHERE k.referral_code_id = rc.id),
       (SELECT count(*) FROM referral_usage_log l WHERE l.referral_code_id = rc.id),
       (SELECT count(*) FROM referral_usage_log l
         WHERE l.referral_code_id = rc.id AND referral_is_qualified(l.review_status, l.net_paid_cents))
  FROM referral_codes rc;
--> statement-breakpoint
INSERT INTO referral_code_daily (referral_code_id, day, clicks, signups)
SELECT referral_code_id, day, sum(clicks), sum(signups)
  FROM (SELECT referral_code_id, (clicked_at AT TIME ZONE 'UTC')::date AS day, 1 AS clicks, 0 AS signups
          FROM referral_clicks
        UNION ALL
        SELECT referral_code_id, (used_at AT TIME ZONE 'UTC')::date, 0, 1
          FROM referral_usage_log WHERE referral_code_id IS NOT NULL) e
 GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO referrer_source_stats (referrer_user_id, source, signups)
SELECT referrer_user_id, source, count(*) FROM referral_usage_log WHERE referrer_user_id IS NOT NULL GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO commission_totals (beneficiary_user_id, level, status, referral_code_id, amount_cents, entries)
SELECT c.beneficiary_user_id, c.level, c.status, coalesce(l.referral_code_id, 0), sum(c.amount_cents), count(*)
  FROM commissions c LEFT JOIN referral_usage_log l ON l.id = c.referral_id GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO commission_daily (beneficiary_user_id, level, status, day, amount_cents, entries)
SELECT beneficiary_user_id, level, status, (created_at AT TIME ZONE 'UTC')::date, sum(amount_cents), count(*)
  FROM commissions GROUP BY 1, 2, 3, 4;
