-- Custom migration (hand-written): rollups of the admin reports (/admin, its totals, charts and headline
-- cards), kept by triggers in the transaction of the event like those of 0010, so a report over the whole
-- program or a year costs the same at a million referrals as at ten.
--
-- Each referral carries what the report filters and sums, kept by triggers:
--   referral_usage_log.commission_mask     one bit per status its direct commissions are in
--                                          (commission_status_bit: pending 1, approved 2, paid 4,
--                                          reversed 8, rejected 16) — the report's commission-status filter
--   referral_usage_log.ledger_*_cents      its direct commission rows summed per money bucket
--                                          (commission-buckets.ts: on hold, approved, paid, reversed, rejected)
--   referral_usage_log.paying              the referred client has a payment (type payment) — the funnel
-- and the rollups are keyed by everything a report filter can ask of a referral:
--   report_daily        per UTC day of signup, source, flagged, eligible, mask: referrals and their sums
--   report_code_daily   the same per referrer and code (referrer and campaign filters; 0 = none)
--   earned_daily        per UTC day a commission was written, with its referral's key: earned cents (every
--                       level, reversals netted, rejected excluded) — the timeline's commission line
--   earned_code_daily   the same per referrer and code of the commission's referral
--   click_daily         clicks per UTC day and source; click_code_daily the same per code
-- A referral whose key changes (a review, a commission changing status) moves its sums, and its
-- commissions' earned cents, from the old key to the new one. A referral with commissions can't be
-- deleted (commissions.referral_id is ON DELETE RESTRICT), so earned cents never lose their referral.
-- lib/referrals/rollup-mismatches.ts compares all of it with a recount.

CREATE OR REPLACE FUNCTION commission_status_bit(s commission_status) RETURNS smallint
LANGUAGE sql IMMUTABLE AS $$
  SELECT (CASE s WHEN 'pending' THEN 1 WHEN 'approved' THEN 2 WHEN 'paid' THEN 4
                 WHEN 'reversed' THEN 8 ELSE 16 END)::smallint
$$;
--> statement-breakpoint
ALTER TABLE "referral_usage_log"
  ADD COLUMN "commission_mask" smallint DEFAULT 0 NOT NULL,
  ADD COLUMN "ledger_on_hold_cents" bigint DEFAULT 0 NOT NULL,
  ADD COLUMN "ledger_approved_cents" bigint DEFAULT 0 NOT NULL,
  ADD COLUMN "ledger_paid_cents" bigint DEFAULT 0 NOT NULL,
  ADD COLUMN "ledger_reversed_cents" bigint DEFAULT 0 NOT NULL,
  ADD COLUMN "ledger_rejected_cents" bigint DEFAULT 0 NOT NULL,
  ADD COLUMN "paying" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
-- The review queue's length ("awaiting review" on /admin): flagged referrals whose review is pending,
-- counted beside the program's clients and referrals (striped rows, summed when read).
ALTER TABLE "program_counters" ADD COLUMN "pending_review" bigint DEFAULT 0 NOT NULL;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION program_counters_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    UPDATE program_counters SET clients = 0;
  ELSE
    UPDATE program_counters SET referrals = 0, pending_review = 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A referrer's own referrals page (/dashboard/referrals, GET /api/me/referrals) totals from counters too:
-- beside referrals and counted ones (0010), those in review, rejected, their commission summaries, and the
-- points they earned through them (available and held). A points row counts when it is the referrer's own
-- (points_ledger.from_own_referral, set when written: the referral's referrer is the row's user).
ALTER TABLE "referrer_stats"
  ADD COLUMN "in_review" bigint DEFAULT 0 NOT NULL,
  ADD COLUMN "rejected" bigint DEFAULT 0 NOT NULL,
  ADD COLUMN "commission_cents" bigint DEFAULT 0 NOT NULL,
  ADD COLUMN "points_available" bigint DEFAULT 0 NOT NULL,
  ADD COLUMN "points_pending" bigint DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE "points_ledger" ADD COLUMN "from_own_referral" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION points_from_own_referral() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.from_own_referral := NEW.referral_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM referral_usage_log l WHERE l.id = NEW.referral_id AND l.referrer_user_id = NEW.user_id);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
-- Held and available points of the referrer's own referrals. New rows may create the counters row; taking
-- points back only updates it (inside a cascade the user's row may already be gone).
CREATE OR REPLACE FUNCTION referrer_points_stmt() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO referrer_stats AS s (user_id, points_available, points_pending)
    SELECT user_id, coalesce(sum(delta_points) FILTER (WHERE status = 'available'), 0),
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
        FROM (SELECT user_id, coalesce(sum(delta_points) FILTER (WHERE status = 'available'), 0) AS available,
                     coalesce(sum(delta_points) FILTER (WHERE status = 'pending'), 0) AS pending
                FROM new_rows WHERE from_own_referral AND referral_id IS NOT NULL GROUP BY 1 ORDER BY 1) d
       WHERE s.user_id = d.user_id AND (d.available <> 0 OR d.pending <> 0);
    END IF;
    UPDATE referrer_stats s
       SET points_available = s.points_available - d.available, points_pending = s.points_pending - d.pending
      FROM (SELECT user_id, coalesce(sum(delta_points) FILTER (WHERE status = 'available'), 0) AS available,
                   coalesce(sum(delta_points) FILTER (WHERE status = 'pending'), 0) AS pending
              FROM old_rows WHERE from_own_referral AND referral_id IS NOT NULL GROUP BY 1 ORDER BY 1) d
     WHERE s.user_id = d.user_id AND (d.available <> 0 OR d.pending <> 0);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint

CREATE TABLE "report_daily" (
	"day" date NOT NULL,
	"source" "referral_source" NOT NULL,
	"is_flagged" boolean NOT NULL,
	"commission_eligible" boolean NOT NULL,
	"commission_mask" smallint NOT NULL,
	"referrals" bigint DEFAULT 0 NOT NULL,
	"commission_paid" bigint DEFAULT 0 NOT NULL,
	"paying" bigint DEFAULT 0 NOT NULL,
	"net_cents" bigint DEFAULT 0 NOT NULL,
	"on_hold_cents" bigint DEFAULT 0 NOT NULL,
	"approved_cents" bigint DEFAULT 0 NOT NULL,
	"paid_cents" bigint DEFAULT 0 NOT NULL,
	"reversed_cents" bigint DEFAULT 0 NOT NULL,
	"rejected_cents" bigint DEFAULT 0 NOT NULL,
	PRIMARY KEY ("day", "source", "is_flagged", "commission_eligible", "commission_mask")
);
--> statement-breakpoint
CREATE TABLE "report_code_daily" (
	"referrer_user_id" integer NOT NULL,
	"referral_code_id" integer NOT NULL,
	"day" date NOT NULL,
	"source" "referral_source" NOT NULL,
	"is_flagged" boolean NOT NULL,
	"commission_eligible" boolean NOT NULL,
	"commission_mask" smallint NOT NULL,
	"referrals" bigint DEFAULT 0 NOT NULL,
	"commission_paid" bigint DEFAULT 0 NOT NULL,
	"paying" bigint DEFAULT 0 NOT NULL,
	"net_cents" bigint DEFAULT 0 NOT NULL,
	"on_hold_cents" bigint DEFAULT 0 NOT NULL,
	"approved_cents" bigint DEFAULT 0 NOT NULL,
	"paid_cents" bigint DEFAULT 0 NOT NULL,
	"reversed_cents" bigint DEFAULT 0 NOT NULL,
	"rejected_cents" bigint DEFAULT 0 NOT NULL,
	PRIMARY KEY ("referrer_user_id", "referral_code_id", "day", "source", "is_flagged", "commission_eligible", "commission_mask")
);
--> statement-breakpoint
CREATE INDEX "report_code_daily_code_idx" ON "report_code_daily" ("referral_code_id", "day");
--> statement-breakpoint
CREATE INDEX "report_code_daily_day_idx" ON "report_code_daily" ("day");
--> statement-breakpoint
-- with_referral false: a commission without a referral (a campaign bonus); its key columns are fixed.
CREATE TABLE "earned_daily" (
	"day" date NOT NULL,
	"with_referral" boolean NOT NULL,
	"source" "referral_source" NOT NULL,
	"is_flagged" boolean NOT NULL,
	"commission_eligible" boolean NOT NULL,
	"commission_mask" smallint NOT NULL,
	"cents" bigint DEFAULT 0 NOT NULL,
	PRIMARY KEY ("day", "with_referral", "source", "is_flagged", "commission_eligible", "commission_mask")
);
--> statement-breakpoint
CREATE TABLE "earned_code_daily" (
	"referrer_user_id" integer NOT NULL,
	"referral_code_id" integer NOT NULL,
	"day" date NOT NULL,
	"source" "referral_source" NOT NULL,
	"is_flagged" boolean NOT NULL,
	"commission_eligible" boolean NOT NULL,
	"commission_mask" smallint NOT NULL,
	"cents" bigint DEFAULT 0 NOT NULL,
	PRIMARY KEY ("referrer_user_id", "referral_code_id", "day", "source", "is_flagged", "commission_eligible", "commission_mask")
);
--> statement-breakpoint
CREATE INDEX "earned_code_daily_code_idx" ON "earned_code_daily" ("referral_code_id", "day");
--> statement-breakpoint
CREATE TABLE "click_daily" (
	"day" date NOT NULL,
	"source" "referral_source" NOT NULL,
	"clicks" bigint DEFAULT 0 NOT NULL,
	PRIMARY KEY ("day", "source")
);
--> statement-breakpoint
CREATE TABLE "click_code_daily" (
	"referral_code_id" integer NOT NULL,
	"day" date NOT NULL,
	"source" "referral_source" NOT NULL,
	"clicks" bigint DEFAULT 0 NOT NULL,
	PRIMARY KEY ("referral_code_id", "day", "source")
);
--> statement-breakpoint
CREATE INDEX "click_code_daily_day_idx" ON "click_code_daily" ("day");
--> statement-breakpoint

-- ---- Referral sums ------------------------------------------------------------------------------------
CREATE TYPE "report_delta" AS (
	referrer_user_id integer, referral_code_id integer, day date, source referral_source,
	is_flagged boolean, commission_eligible boolean, commission_mask smallint,
	referrals bigint, commission_paid bigint, paying bigint, net_cents bigint, on_hold_cents bigint,
	approved_cents bigint, paid_cents bigint, reversed_cents bigint, rejected_cents bigint
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_add(deltas report_delta[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_daily AS s (day, source, is_flagged, commission_eligible, commission_mask, referrals,
         commission_paid, paying, net_cents, on_hold_cents, approved_cents, paid_cents, reversed_cents, rejected_cents)
  SELECT day, source, is_flagged, commission_eligible, commission_mask, sum(referrals), sum(commission_paid),
         sum(paying), sum(net_cents), sum(on_hold_cents), sum(approved_cents), sum(paid_cents),
         sum(reversed_cents), sum(rejected_cents)
    FROM unnest(deltas) GROUP BY 1, 2, 3, 4, 5
  HAVING sum(referrals) <> 0 OR sum(commission_paid) <> 0 OR sum(paying) <> 0 OR sum(net_cents) <> 0
      OR sum(on_hold_cents) <> 0 OR sum(approved_cents) <> 0 OR sum(paid_cents) <> 0
      OR sum(reversed_cents) <> 0 OR sum(rejected_cents) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (day, source, is_flagged, commission_eligible, commission_mask) DO UPDATE
     SET referrals = s.referrals + EXCLUDED.referrals, commission_paid = s.commission_paid + EXCLUDED.commission_paid,
         paying = s.paying + EXCLUDED.paying, net_cents = s.net_cents + EXCLUDED.net_cents,
         on_hold_cents = s.on_hold_cents + EXCLUDED.on_hold_cents,
         approved_cents = s.approved_cents + EXCLUDED.approved_cents, paid_cents = s.paid_cents + EXCLUDED.paid_cents,
         reversed_cents = s.reversed_cents + EXCLUDED.reversed_cents,
         rejected_cents = s.rejected_cents + EXCLUDED.rejected_cents;

  INSERT INTO report_code_daily AS s (referrer_user_id, referral_code_id, day, source, is_flagged,
         commission_eligible, commission_mask, referrals, commission_paid, paying, net_cents, on_hold_cents,
         approved_cents, paid_cents, reversed_cents, rejected_cents)
  SELECT referrer_user_id, referral_code_id, day, source, is_flagged, commission_eligible, commission_mask,
         sum(referrals), sum(commission_paid), sum(paying), sum(net_cents), sum(on_hold_cents), sum(approved_cents),
         sum(paid_cents), sum(reversed_cents), sum(rejected_cents)
    FROM unnest(deltas) GROUP BY 1, 2, 3, 4, 5, 6, 7
  HAVING sum(referrals) <> 0 OR sum(commission_paid) <> 0 OR sum(paying) <> 0 OR sum(net_cents) <> 0
      OR sum(on_hold_cents) <> 0 OR sum(approved_cents) <> 0 OR sum(paid_cents) <> 0
      OR sum(reversed_cents) <> 0 OR sum(rejected_cents) <> 0
   ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (referrer_user_id, referral_code_id, day, source, is_flagged, commission_eligible, commission_mask)
  DO UPDATE
     SET referrals = s.referrals + EXCLUDED.referrals, commission_paid = s.commission_paid + EXCLUDED.commission_paid,
         paying = s.paying + EXCLUDED.paying, net_cents = s.net_cents + EXCLUDED.net_cents,
         on_hold_cents = s.on_hold_cents + EXCLUDED.on_hold_cents,
         approved_cents = s.approved_cents + EXCLUDED.approved_cents, paid_cents = s.paid_cents + EXCLUDED.paid_cents,
         reversed_cents = s.reversed_cents + EXCLUDED.reversed_cents,
         rejected_cents = s.rejected_cents + EXCLUDED.rejected_cents;
END;
$$;
--> statement-breakpoint
-- The earned cents of commissions, by the key of their referral (or none) and the day they were written.
CREATE TYPE "earned_delta" AS (
	with_referral boolean, referrer_user_id integer, referral_code_id integer, day date, source referral_source,
	is_flagged boolean, commission_eligible boolean, commission_mask smallint, cents bigint
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION earned_add(deltas earned_delta[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO earned_daily AS s (day, with_referral, source, is_flagged, commission_eligible, commission_mask, cents)
  SELECT day, with_referral, source, is_flagged, commission_eligible, commission_mask, sum(cents)
    FROM unnest(deltas) GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(cents) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (day, with_referral, source, is_flagged, commission_eligible, commission_mask) DO UPDATE
     SET cents = s.cents + EXCLUDED.cents;

  INSERT INTO earned_code_daily AS s (referrer_user_id, referral_code_id, day, source, is_flagged,
         commission_eligible, commission_mask, cents)
  SELECT referrer_user_id, referral_code_id, day, source, is_flagged, commission_eligible, commission_mask, sum(cents)
    FROM unnest(deltas) WHERE with_referral
   GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(cents) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (referrer_user_id, referral_code_id, day, source, is_flagged, commission_eligible, commission_mask)
  DO UPDATE SET cents = s.cents + EXCLUDED.cents;
END;
$$;
--> statement-breakpoint
-- Referral rows in (sign +1) and out (sign −1). An update adds its new row and takes back its old one, so
-- one that changes nothing a report reads nets to zero and writes nothing. When the key of a referral
-- changes, its commissions' earned cents move with it (read from commissions: a referral's own rows).
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
    UPDATE program_counters SET pending_review = pending_review + pending WHERE slot = pg_backend_pid() % 8;
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
  ELSE
    -- Taken back: the old rows; an update also adds its new rows (both only update existing counters).
    IF TG_OP = 'UPDATE' THEN
      UPDATE referrer_stats s
         SET in_review = s.in_review + d.in_review, rejected = s.rejected + d.rejected,
             commission_cents = s.commission_cents + d.cents
        FROM (SELECT referrer_user_id, count(*) FILTER (WHERE review_status = 'pending') AS in_review,
                     count(*) FILTER (WHERE review_status = 'rejected') AS rejected, sum(commission_amount_cents) AS cents
                FROM new_rows WHERE referrer_user_id IS NOT NULL GROUP BY 1 ORDER BY 1) d
       WHERE s.user_id = d.referrer_user_id AND (d.in_review <> 0 OR d.rejected <> 0 OR d.cents <> 0);
    END IF;
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
        JOIN commissions c ON c.referral_id = k.id
       WHERE c.status <> 'rejected'));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint

-- ---- Commissions → earned cents, and their referral's mask and ledger sums ----------------------------
-- First the earned cents under the referral's key as it stands, then the referral's own sums: that
-- update fires report_referral_stmt, which moves the referral (and its earned cents, these rows included)
-- if its mask changed.
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
        FROM new_rows c LEFT JOIN referral_usage_log l ON l.id = c.referral_id
       WHERE c.status <> 'rejected');
    touched := ARRAY(SELECT referral_id FROM new_rows WHERE level = 'direct' AND referral_id IS NOT NULL);
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    deltas := deltas || ARRAY(
      SELECT ROW(l.id IS NOT NULL, coalesce(l.referrer_user_id, 0), coalesce(l.referral_code_id, 0),
                 (c.created_at AT TIME ZONE 'UTC')::date, coalesce(l.source, 'link'), coalesce(l.is_flagged, false),
                 coalesce(l.commission_eligible, false), coalesce(l.commission_mask, 0::smallint), -c.amount_cents)::earned_delta
        FROM old_rows c LEFT JOIN referral_usage_log l ON l.id = c.referral_id
       WHERE c.status <> 'rejected');
    touched := touched || ARRAY(SELECT referral_id FROM old_rows WHERE level = 'direct' AND referral_id IS NOT NULL);
  END IF;
  PERFORM earned_add(deltas);

  IF cardinality(touched) > 0 THEN
    UPDATE referral_usage_log l
       SET commission_mask = s.mask, ledger_on_hold_cents = s.on_hold, ledger_approved_cents = s.approved,
           ledger_paid_cents = s.paid, ledger_reversed_cents = s.reversed, ledger_rejected_cents = s.rejected
      FROM (SELECT r.id, coalesce(bit_or(commission_status_bit(c.status)), 0)::smallint AS mask,
                   coalesce(sum(c.amount_cents) FILTER (WHERE c.status = 'pending'), 0) AS on_hold,
                   coalesce(sum(c.amount_cents) FILTER (WHERE c.status = 'approved'), 0) AS approved,
                   coalesce(sum(c.amount_cents) FILTER (WHERE c.status = 'paid'), 0) AS paid,
                   coalesce(sum(c.amount_cents) FILTER (WHERE c.status = 'reversed'), 0) AS reversed,
                   coalesce(sum(c.amount_cents) FILTER (WHERE c.status = 'rejected'), 0) AS rejected
              FROM (SELECT DISTINCT unnest(touched) AS id) r
              LEFT JOIN commissions c ON c.referral_id = r.id AND c.level = 'direct'
             GROUP BY r.id) s
     WHERE l.id = s.id
       AND (l.commission_mask, l.ledger_on_hold_cents, l.ledger_approved_cents, l.ledger_paid_cents,
            l.ledger_reversed_cents, l.ledger_rejected_cents)
           IS DISTINCT FROM (s.mask, s.on_hold, s.approved, s.paid, s.reversed, s.rejected);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint

-- ---- Payments → the referral's "paying" -------------------------------------------------------------
CREATE OR REPLACE FUNCTION report_paying_stmt() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE referral_usage_log l SET paying = true
     WHERE NOT l.paying
       AND l.referred_user_id IN (SELECT DISTINCT user_id FROM new_rows WHERE type = 'payment' AND user_id IS NOT NULL);
  ELSE
    UPDATE referral_usage_log l SET paying = false
     WHERE l.paying
       AND l.referred_user_id IN (SELECT DISTINCT user_id FROM old_rows WHERE type = 'payment' AND user_id IS NOT NULL)
       AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.user_id = l.referred_user_id AND p.type = 'payment');
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint

-- ---- Clicks → per day and source, and per code ------------------------------------------------------
CREATE OR REPLACE FUNCTION report_click_stmt() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO click_daily AS s (day, source, clicks)
    SELECT (clicked_at AT TIME ZONE 'UTC')::date, source, count(*) FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (day, source) DO UPDATE SET clicks = s.clicks + EXCLUDED.clicks;
    INSERT INTO click_code_daily AS s (referral_code_id, day, source, clicks)
    SELECT referral_code_id, (clicked_at AT TIME ZONE 'UTC')::date, source, count(*) FROM new_rows
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (referral_code_id, day, source) DO UPDATE SET clicks = s.clicks + EXCLUDED.clicks;
  ELSE
    UPDATE click_daily s SET clicks = s.clicks - d.n
      FROM (SELECT (clicked_at AT TIME ZONE 'UTC')::date AS day, source, count(*) AS n FROM old_rows
             GROUP BY 1, 2 ORDER BY 1, 2) d
     WHERE s.day = d.day AND s.source = d.source;
    UPDATE click_code_daily s SET clicks = s.clicks - d.n
      FROM (SELECT referral_code_id, (clicked_at AT TIME ZONE 'UTC')::date AS day, source, count(*) AS n
              FROM old_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3) d
     WHERE s.referral_code_id = d.referral_code_id AND s.day = d.day AND s.source = d.source;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint


-- ---- What every rollup must equal: recounts of the raw rows ------------------------------------------
-- report_fill() loads the rollups from these views (the backfill below; a bulk load with the triggers off),
-- and findRollupMismatches compares the rollups with them, so a rollup and its recount have one definition.
CREATE VIEW "referral_ledger_recount" AS
SELECT l.id, coalesce(s.mask, 0)::smallint AS commission_mask, coalesce(s.on_hold, 0)::bigint AS ledger_on_hold_cents,
       coalesce(s.approved, 0)::bigint AS ledger_approved_cents, coalesce(s.paid, 0)::bigint AS ledger_paid_cents,
       coalesce(s.reversed, 0)::bigint AS ledger_reversed_cents, coalesce(s.rejected, 0)::bigint AS ledger_rejected_cents,
       EXISTS (SELECT 1 FROM payments p WHERE p.user_id = l.referred_user_id AND p.type = 'payment') AS paying
  FROM referral_usage_log l
  LEFT JOIN (SELECT referral_id, bit_or(commission_status_bit(status)) AS mask,
                    sum(amount_cents) FILTER (WHERE status = 'pending') AS on_hold,
                    sum(amount_cents) FILTER (WHERE status = 'approved') AS approved,
                    sum(amount_cents) FILTER (WHERE status = 'paid') AS paid,
                    sum(amount_cents) FILTER (WHERE status = 'reversed') AS reversed,
                    sum(amount_cents) FILTER (WHERE status = 'rejected') AS rejected
               FROM commissions WHERE level = 'direct' AND referral_id IS NOT NULL GROUP BY referral_id) s
    ON s.referral_id = l.id;
--> statement-breakpoint
CREATE VIEW "report_code_daily_recount" AS
SELECT coalesce(referrer_user_id, 0) AS referrer_user_id, coalesce(referral_code_id, 0) AS referral_code_id,
       (used_at AT TIME ZONE 'UTC')::date AS day, source, is_flagged, commission_eligible, commission_mask,
       count(*)::bigint AS referrals, count(*) FILTER (WHERE commission_paid)::bigint AS commission_paid,
       count(*) FILTER (WHERE paying)::bigint AS paying, sum(commission_amount_cents)::bigint AS net_cents,
       sum(ledger_on_hold_cents)::bigint AS on_hold_cents, sum(ledger_approved_cents)::bigint AS approved_cents,
       sum(ledger_paid_cents)::bigint AS paid_cents, sum(ledger_reversed_cents)::bigint AS reversed_cents,
       sum(ledger_rejected_cents)::bigint AS rejected_cents
  FROM referral_usage_log GROUP BY 1, 2, 3, 4, 5, 6, 7;
--> statement-breakpoint
CREATE VIEW "report_daily_recount" AS
SELECT day, source, is_flagged, commission_eligible, commission_mask, sum(referrals)::bigint AS referrals,
       sum(commission_paid)::bigint AS commission_paid, sum(paying)::bigint AS paying, sum(net_cents)::bigint AS net_cents,
       sum(on_hold_cents)::bigint AS on_hold_cents, sum(approved_cents)::bigint AS approved_cents,
       sum(paid_cents)::bigint AS paid_cents, sum(reversed_cents)::bigint AS reversed_cents,
       sum(rejected_cents)::bigint AS rejected_cents
  FROM report_code_daily_recount GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
CREATE VIEW "earned_code_daily_recount" AS
SELECT coalesce(l.referrer_user_id, 0) AS referrer_user_id, coalesce(l.referral_code_id, 0) AS referral_code_id,
       (c.created_at AT TIME ZONE 'UTC')::date AS day, l.source, l.is_flagged, l.commission_eligible,
       l.commission_mask, sum(c.amount_cents)::bigint AS cents
  FROM commissions c JOIN referral_usage_log l ON l.id = c.referral_id
 WHERE c.status <> 'rejected'
 GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(c.amount_cents) <> 0;
--> statement-breakpoint
CREATE VIEW "earned_daily_recount" AS
SELECT (c.created_at AT TIME ZONE 'UTC')::date AS day, l.id IS NOT NULL AS with_referral,
       coalesce(l.source, 'link') AS source, coalesce(l.is_flagged, false) AS is_flagged,
       coalesce(l.commission_eligible, false) AS commission_eligible,
       coalesce(l.commission_mask, 0::smallint) AS commission_mask, sum(c.amount_cents)::bigint AS cents
  FROM commissions c LEFT JOIN referral_usage_log l ON l.id = c.referral_id
 WHERE c.status <> 'rejected'
 GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(c.amount_cents) <> 0;
--> statement-breakpoint
CREATE VIEW "click_code_daily_recount" AS
SELECT referral_code_id, (clicked_at AT TIME ZONE 'UTC')::date AS day, source, count(*)::bigint AS clicks
  FROM referral_clicks GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE VIEW "click_daily_recount" AS
SELECT day, source, sum(clicks)::bigint AS clicks FROM click_code_daily_recount GROUP BY 1, 2;
--> statement-breakpoint
-- Rebuilds every report rollup (and the referrals' mask, ledger sums and paying, and the review queue's
-- length) from the raw rows.
CREATE OR REPLACE FUNCTION report_fill() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE points_ledger p SET from_own_referral = r.own
    FROM (SELECT p2.id, (l.referrer_user_id IS NOT NULL AND l.referrer_user_id = p2.user_id) AS own
            FROM points_ledger p2 LEFT JOIN referral_usage_log l ON l.id = p2.referral_id) r
   WHERE r.id = p.id AND p.from_own_referral IS DISTINCT FROM r.own;
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
  INSERT INTO report_daily SELECT * FROM report_daily_recount;
  INSERT INTO earned_code_daily SELECT * FROM earned_code_daily_recount;
  INSERT INTO earned_daily SELECT * FROM earned_daily_recount;
  INSERT INTO click_code_daily SELECT * FROM click_code_daily_recount;
  INSERT INTO click_daily SELECT * FROM click_daily_recount;
END;
$$;
--> statement-breakpoint
-- ---- Backfill ------------------------------------------------------------------------------------------
SELECT report_fill();
--> statement-breakpoint

-- ---- The triggers, once the backfill above has filled everything they keep ------------------------
CREATE TRIGGER points_from_own_referral BEFORE INSERT ON points_ledger
FOR EACH ROW EXECUTE FUNCTION points_from_own_referral();
--> statement-breakpoint
CREATE TRIGGER referrer_points_insert AFTER INSERT ON points_ledger
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION referrer_points_stmt();
--> statement-breakpoint
CREATE TRIGGER referrer_points_update AFTER UPDATE ON points_ledger
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION referrer_points_stmt();
--> statement-breakpoint
CREATE TRIGGER referrer_points_delete AFTER DELETE ON points_ledger
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION referrer_points_stmt();
--> statement-breakpoint
CREATE TRIGGER report_referral_insert AFTER INSERT ON referral_usage_log
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_referral_stmt();
--> statement-breakpoint
CREATE TRIGGER report_referral_update AFTER UPDATE ON referral_usage_log
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_referral_stmt();
--> statement-breakpoint
CREATE TRIGGER report_referral_delete AFTER DELETE ON referral_usage_log
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_referral_stmt();
--> statement-breakpoint
CREATE TRIGGER report_commission_insert AFTER INSERT ON commissions
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_commission_stmt();
--> statement-breakpoint
CREATE TRIGGER report_commission_update AFTER UPDATE ON commissions
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_commission_stmt();
--> statement-breakpoint
CREATE TRIGGER report_commission_delete AFTER DELETE ON commissions
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_commission_stmt();
--> statement-breakpoint
CREATE TRIGGER report_paying_insert AFTER INSERT ON payments
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_paying_stmt();
--> statement-breakpoint
CREATE TRIGGER report_paying_delete AFTER DELETE ON payments
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_paying_stmt();
--> statement-breakpoint
CREATE TRIGGER report_click_insert AFTER INSERT ON referral_clicks
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_click_stmt();
--> statement-breakpoint
CREATE TRIGGER report_click_delete AFTER DELETE ON referral_clicks
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_click_stmt();
