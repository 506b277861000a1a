-- Custom migration (hand-written): the report and per-referral money figures in every currency (issue 13 item 3).
--
-- 0027 made the older money rollups (referral_usage_log.ledger_* and commission_amount_cents, referrer_stats,
-- report_daily/report_code_daily, earned_daily/earned_code_daily) read base-currency (usd) rows only, so a
-- referral paid in EUR showed no commission in my-referrals, the export or the admin report. They stay the
-- usd figures (the headline, and what the bench's hot paths write). The other currencies get companion
-- rollups keyed like them plus a currency, holding non-usd rows only (so a usd-only program writes none):
--   referral_currency_ledger   per referral (direct level) and currency: the ledger_* buckets
--   referrer_currency_stats    per referrer and currency: the same buckets over their own referrals
--   report_currency_daily      report_code_daily's keys (the referral's signup day and attributes) + currency
--   earned_currency_daily      earned_code_daily's keys (the commission's day) + currency
-- Written by the commissions' currency trigger in one statement (data-modifying CTEs) and moved by
-- report_referral_stmt when a referral's key attributes change, as the usd rollups are. Amounts of two
-- currencies are never added: every sum is grouped by currency. Net (the earned bucket) = every status
-- but rejected = on_hold + approved + paid + reversed.
--
-- A referral's commission_mask (the admin's commission-status filter) now covers its direct rows in every
-- currency: "has a pending commission" does not depend on the currency it is in.
CREATE TABLE "referral_currency_ledger" (
	"referral_id" bigint NOT NULL REFERENCES "referral_usage_log"("id") ON DELETE CASCADE,
	"currency" text NOT NULL,
	"on_hold_cents" bigint DEFAULT 0 NOT NULL,
	"approved_cents" bigint DEFAULT 0 NOT NULL,
	"paid_cents" bigint DEFAULT 0 NOT NULL,
	"reversed_cents" bigint DEFAULT 0 NOT NULL,
	"rejected_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "referral_currency_ledger_pkey" PRIMARY KEY ("referral_id", "currency")
);
--> statement-breakpoint
CREATE TABLE "referrer_currency_stats" (
	"user_id" integer NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"currency" text NOT NULL,
	"on_hold_cents" bigint DEFAULT 0 NOT NULL,
	"approved_cents" bigint DEFAULT 0 NOT NULL,
	"paid_cents" bigint DEFAULT 0 NOT NULL,
	"reversed_cents" bigint DEFAULT 0 NOT NULL,
	"rejected_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "referrer_currency_stats_pkey" PRIMARY KEY ("user_id", "currency")
);
--> statement-breakpoint
CREATE TABLE "report_currency_daily" (
	"currency" text NOT NULL,
	"referrer_user_id" integer NOT NULL,
	"referral_code_id" integer NOT NULL,
	"day" date NOT NULL,
	"source" referral_source NOT NULL,
	"is_flagged" boolean NOT NULL,
	"commission_eligible" boolean NOT NULL,
	"commission_mask" smallint NOT NULL,
	"on_hold_cents" bigint DEFAULT 0 NOT NULL,
	"approved_cents" bigint DEFAULT 0 NOT NULL,
	"paid_cents" bigint DEFAULT 0 NOT NULL,
	"reversed_cents" bigint DEFAULT 0 NOT NULL,
	"rejected_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "report_currency_daily_pkey" PRIMARY KEY ("currency", "referrer_user_id", "referral_code_id", "day", "source",
	  "is_flagged", "commission_eligible", "commission_mask")
);
--> statement-breakpoint
CREATE INDEX "report_currency_daily_day_idx" ON "report_currency_daily" USING btree ("day");
--> statement-breakpoint
CREATE TABLE "earned_currency_daily" (
	"currency" text NOT NULL,
	"with_referral" boolean NOT NULL,
	"referrer_user_id" integer NOT NULL,
	"referral_code_id" integer NOT NULL,
	"day" date NOT NULL,
	"source" referral_source NOT NULL,
	"is_flagged" boolean NOT NULL,
	"commission_eligible" boolean NOT NULL,
	"commission_mask" smallint NOT NULL,
	"cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "earned_currency_daily_pkey" PRIMARY KEY ("currency", "with_referral", "referrer_user_id", "referral_code_id",
	  "day", "source", "is_flagged", "commission_eligible", "commission_mask")
);
--> statement-breakpoint
CREATE INDEX "earned_currency_daily_day_idx" ON "earned_currency_daily" USING btree ("day");
--> statement-breakpoint

-- ---- Recounts (the rollup tests compare with these; currency_rollups_fill loads from them) -------------
CREATE VIEW "referral_currency_ledger_recount" AS
SELECT referral_id, currency,
       coalesce(sum(amount_cents) FILTER (WHERE status = 'pending'), 0)::bigint AS on_hold_cents,
       coalesce(sum(amount_cents) FILTER (WHERE status = 'approved'), 0)::bigint AS approved_cents,
       coalesce(sum(amount_cents) FILTER (WHERE status = 'paid'), 0)::bigint AS paid_cents,
       coalesce(sum(amount_cents) FILTER (WHERE status = 'reversed'), 0)::bigint AS reversed_cents,
       coalesce(sum(amount_cents) FILTER (WHERE status = 'rejected'), 0)::bigint AS rejected_cents
  FROM commissions
 WHERE level = 'direct' AND referral_id IS NOT NULL AND currency <> 'usd'
 GROUP BY 1, 2;
--> statement-breakpoint
CREATE VIEW "referrer_currency_stats_recount" AS
SELECT l.referrer_user_id AS user_id, x.currency, sum(x.on_hold_cents)::bigint AS on_hold_cents,
       sum(x.approved_cents)::bigint AS approved_cents, sum(x.paid_cents)::bigint AS paid_cents,
       sum(x.reversed_cents)::bigint AS reversed_cents, sum(x.rejected_cents)::bigint AS rejected_cents
  FROM referral_currency_ledger_recount x JOIN referral_usage_log l ON l.id = x.referral_id
 WHERE l.referrer_user_id IS NOT NULL
 GROUP BY 1, 2;
--> statement-breakpoint
CREATE VIEW "report_currency_daily_recount" AS
SELECT x.currency, coalesce(l.referrer_user_id, 0) AS referrer_user_id, coalesce(l.referral_code_id, 0) AS referral_code_id,
       (l.used_at AT TIME ZONE 'UTC')::date AS day, l.source, l.is_flagged, l.commission_eligible, l.commission_mask,
       sum(x.on_hold_cents)::bigint AS on_hold_cents, sum(x.approved_cents)::bigint AS approved_cents,
       sum(x.paid_cents)::bigint AS paid_cents, sum(x.reversed_cents)::bigint AS reversed_cents,
       sum(x.rejected_cents)::bigint AS rejected_cents
  FROM referral_currency_ledger_recount x JOIN referral_usage_log l ON l.id = x.referral_id
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
--> statement-breakpoint
CREATE VIEW "earned_currency_daily_recount" AS
SELECT c.currency, l.id IS NOT NULL AS with_referral, coalesce(l.referrer_user_id, 0) AS referrer_user_id,
       coalesce(l.referral_code_id, 0) AS referral_code_id, (c.created_at AT TIME ZONE 'UTC')::date AS day,
       coalesce(l.source, 'link') AS source, coalesce(l.is_flagged, false) AS is_flagged,
       coalesce(l.commission_eligible, false) AS commission_eligible,
       coalesce(l.commission_mask, 0::smallint) AS commission_mask, sum(c.amount_cents)::bigint AS cents
  FROM commissions c LEFT JOIN referral_usage_log l ON l.id = c.referral_id
 WHERE c.status <> 'rejected' AND c.currency <> 'usd'
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
--> statement-breakpoint

-- ---- Writing them ---------------------------------------------------------------------------------------
CREATE TYPE "commission_other_delta" AS (
	referral_id bigint, level commission_level, status commission_status, currency text, day date, cents bigint
);
--> statement-breakpoint
-- One statement for the four rollups. The referral's attributes are read as they are before this
-- statement's report_commission_stmt updates its mask (this trigger's name sorts first); that update then
-- moves the referral's rows, these included, to the new mask (report_currency_referral_moved below), as
-- for usd. PL/pgSQL rather than a SQL function so the statement's plan is cached per session (a SQL
-- function with data-modifying CTEs is planned again on every call: 10x the cost on a EUR payment).
CREATE OR REPLACE FUNCTION commission_other_currencies_add(deltas commission_other_delta[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (
    SELECT d.referral_id, d.level, d.status, d.currency, d.day, d.cents, l.id IS NOT NULL AS with_referral,
           coalesce(l.referrer_user_id, 0) AS referrer_user_id, coalesce(l.referral_code_id, 0) AS referral_code_id,
           (l.used_at AT TIME ZONE 'UTC')::date AS used_day, coalesce(l.source, 'link') AS source,
           coalesce(l.is_flagged, false) AS is_flagged, coalesce(l.commission_eligible, false) AS commission_eligible,
           coalesce(l.commission_mask, 0::smallint) AS commission_mask
      FROM unnest(deltas) d LEFT JOIN referral_usage_log l ON l.id = d.referral_id
  ), direct AS (
    SELECT d.*,
           CASE WHEN status = 'pending' THEN cents ELSE 0 END AS on_hold,
           CASE WHEN status = 'approved' THEN cents ELSE 0 END AS approved,
           CASE WHEN status = 'paid' THEN cents ELSE 0 END AS paid,
           CASE WHEN status = 'reversed' THEN cents ELSE 0 END AS reversed,
           CASE WHEN status = 'rejected' THEN cents ELSE 0 END AS rejected
      FROM d WHERE level = 'direct' AND with_referral
  ), ledger AS (
    INSERT INTO referral_currency_ledger AS s
           (referral_id, currency, on_hold_cents, approved_cents, paid_cents, reversed_cents, rejected_cents)
    SELECT referral_id, currency, sum(on_hold), sum(approved), sum(paid), sum(reversed), sum(rejected)
      FROM direct GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (referral_id, currency) DO UPDATE
       SET on_hold_cents = s.on_hold_cents + EXCLUDED.on_hold_cents,
           approved_cents = s.approved_cents + EXCLUDED.approved_cents,
           paid_cents = s.paid_cents + EXCLUDED.paid_cents,
           reversed_cents = s.reversed_cents + EXCLUDED.reversed_cents,
           rejected_cents = s.rejected_cents + EXCLUDED.rejected_cents
  ), own AS (
    INSERT INTO referrer_currency_stats AS s
           (user_id, currency, on_hold_cents, approved_cents, paid_cents, reversed_cents, rejected_cents)
    SELECT referrer_user_id, currency, sum(on_hold), sum(approved), sum(paid), sum(reversed), sum(rejected)
      FROM direct WHERE referrer_user_id <> 0 GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (user_id, currency) DO UPDATE
       SET on_hold_cents = s.on_hold_cents + EXCLUDED.on_hold_cents,
           approved_cents = s.approved_cents + EXCLUDED.approved_cents,
           paid_cents = s.paid_cents + EXCLUDED.paid_cents,
           reversed_cents = s.reversed_cents + EXCLUDED.reversed_cents,
           rejected_cents = s.rejected_cents + EXCLUDED.rejected_cents
  ), report AS (
    INSERT INTO report_currency_daily AS s
           (currency, referrer_user_id, referral_code_id, day, source, is_flagged, commission_eligible, commission_mask,
            on_hold_cents, approved_cents, paid_cents, reversed_cents, rejected_cents)
    SELECT currency, referrer_user_id, referral_code_id, used_day, source, is_flagged, commission_eligible,
           commission_mask, sum(on_hold), sum(approved), sum(paid), sum(reversed), sum(rejected)
      FROM direct GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (currency, referrer_user_id, referral_code_id, day, source, is_flagged, commission_eligible, commission_mask)
    DO UPDATE
       SET on_hold_cents = s.on_hold_cents + EXCLUDED.on_hold_cents,
           approved_cents = s.approved_cents + EXCLUDED.approved_cents,
           paid_cents = s.paid_cents + EXCLUDED.paid_cents,
           reversed_cents = s.reversed_cents + EXCLUDED.reversed_cents,
           rejected_cents = s.rejected_cents + EXCLUDED.rejected_cents
  )
  INSERT INTO earned_currency_daily AS s
         (currency, with_referral, referrer_user_id, referral_code_id, day, source, is_flagged, commission_eligible,
          commission_mask, cents)
  SELECT currency, with_referral, referrer_user_id, referral_code_id, day, source, is_flagged, commission_eligible,
         commission_mask, sum(cents)
    FROM d WHERE status <> 'rejected'
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING sum(cents) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (currency, with_referral, referrer_user_id, referral_code_id, day, source, is_flagged, commission_eligible,
               commission_mask)
  DO UPDATE SET cents = s.cents + EXCLUDED.cents;
END;
$$;
--> statement-breakpoint
-- 0027's per-currency balances, plus the rollups above for the rows not in usd (none on a usd-only write:
-- the extra cost there is one filtered pass over the transition table).
CREATE OR REPLACE FUNCTION commission_currency_totals_stmt() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  deltas commission_currency_delta[] := '{}';
  other commission_other_delta[] := '{}';
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    deltas := ARRAY(SELECT ROW(beneficiary_user_id, currency, status, amount_cents, 1)::commission_currency_delta
                      FROM new_rows);
    other := ARRAY(SELECT ROW(referral_id, level, status, currency, (created_at AT TIME ZONE 'UTC')::date,
                              amount_cents)::commission_other_delta
                     FROM new_rows WHERE currency <> 'usd');
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    deltas := deltas || ARRAY(SELECT ROW(beneficiary_user_id, currency, status, -amount_cents, -1)::commission_currency_delta
                                FROM old_rows);
    other := other || ARRAY(SELECT ROW(referral_id, level, status, currency, (created_at AT TIME ZONE 'UTC')::date,
                                       -amount_cents)::commission_other_delta
                              FROM old_rows WHERE currency <> 'usd');
  END IF;
  INSERT INTO commission_currency_totals AS s (beneficiary_user_id, currency, status, amount_cents, entries)
  SELECT beneficiary_user_id, currency, status, sum(cents), sum(n)
    FROM unnest(deltas)
   GROUP BY 1, 2, 3 HAVING sum(cents) <> 0 OR sum(n) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (beneficiary_user_id, currency, status) DO UPDATE
     SET amount_cents = s.amount_cents + EXCLUDED.amount_cents, entries = s.entries + EXCLUDED.entries;
  IF cardinality(other) > 0 THEN
    PERFORM commission_other_currencies_add(other);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- 0012/0027's report_commission_stmt, with the referral's mask over its direct rows in every currency (the
-- ledger_* sums stay usd).
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
           ledger_paid_cents = s.paid, ledger_reversed_cents = s.reversed, ledger_rejected_cents = s.rejected
      FROM (SELECT r.id, coalesce(bit_or(commission_status_bit(c.status)) FILTER (WHERE c.status IS NOT NULL), 0)::smallint AS mask,
                   coalesce(sum(c.amount_cents) FILTER (WHERE c.status = 'pending' AND c.currency = 'usd'), 0) AS on_hold,
                   coalesce(sum(c.amount_cents) FILTER (WHERE c.status = 'approved' AND c.currency = 'usd'), 0) AS approved,
                   coalesce(sum(c.amount_cents) FILTER (WHERE c.status = 'paid' AND c.currency = 'usd'), 0) AS paid,
                   coalesce(sum(c.amount_cents) FILTER (WHERE c.status = 'reversed' AND c.currency = 'usd'), 0) AS reversed,
                   coalesce(sum(c.amount_cents) FILTER (WHERE c.status = 'rejected' AND c.currency = 'usd'), 0) AS rejected
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
-- A referral whose keys change (referrer, code, signup day, source, flag, eligibility, mask) moves its
-- other-currency rows in the four rollups above, in one statement: taken from the old keys, added at the
-- new. A row trigger whose WHEN compares the keys, so the usual update (a payment's net paid, a summary)
-- calls nothing, and a changed key of a usd-only referral costs one primary-key probe. Its own trigger
-- rather than a branch of report_referral_stmt, which other changes rewrite.
CREATE OR REPLACE FUNCTION report_currency_referral_moved() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM referral_currency_ledger x WHERE x.referral_id = NEW.id) THEN
    RETURN NULL;
  END IF;
  WITH k AS (
    SELECT NEW.id, 1 AS sign, NEW.referrer_user_id, NEW.referral_code_id, NEW.used_at, NEW.source, NEW.is_flagged,
           NEW.commission_eligible, NEW.commission_mask
    UNION ALL
    SELECT OLD.id, -1, OLD.referrer_user_id, OLD.referral_code_id, OLD.used_at, OLD.source, OLD.is_flagged,
           OLD.commission_eligible, OLD.commission_mask
  ), x AS (
    SELECT k.*, x.currency, k.sign * x.on_hold_cents AS on_hold, k.sign * x.approved_cents AS approved,
           k.sign * x.paid_cents AS paid, k.sign * x.reversed_cents AS reversed, k.sign * x.rejected_cents AS rejected
      FROM k JOIN referral_currency_ledger x ON x.referral_id = k.id
  ), own AS (
    INSERT INTO referrer_currency_stats AS s
           (user_id, currency, on_hold_cents, approved_cents, paid_cents, reversed_cents, rejected_cents)
    SELECT referrer_user_id, currency, sum(on_hold), sum(approved), sum(paid), sum(reversed), sum(rejected)
      FROM x WHERE referrer_user_id IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (user_id, currency) DO UPDATE
       SET on_hold_cents = s.on_hold_cents + EXCLUDED.on_hold_cents,
           approved_cents = s.approved_cents + EXCLUDED.approved_cents,
           paid_cents = s.paid_cents + EXCLUDED.paid_cents,
           reversed_cents = s.reversed_cents + EXCLUDED.reversed_cents,
           rejected_cents = s.rejected_cents + EXCLUDED.rejected_cents
  ), report AS (
    INSERT INTO report_currency_daily AS s
           (currency, referrer_user_id, referral_code_id, day, source, is_flagged, commission_eligible, commission_mask,
            on_hold_cents, approved_cents, paid_cents, reversed_cents, rejected_cents)
    SELECT currency, coalesce(referrer_user_id, 0), coalesce(referral_code_id, 0), (used_at AT TIME ZONE 'UTC')::date,
           source, is_flagged, commission_eligible, commission_mask,
           sum(on_hold), sum(approved), sum(paid), sum(reversed), sum(rejected)
      FROM x GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (currency, referrer_user_id, referral_code_id, day, source, is_flagged, commission_eligible, commission_mask)
    DO UPDATE
       SET on_hold_cents = s.on_hold_cents + EXCLUDED.on_hold_cents,
           approved_cents = s.approved_cents + EXCLUDED.approved_cents,
           paid_cents = s.paid_cents + EXCLUDED.paid_cents,
           reversed_cents = s.reversed_cents + EXCLUDED.reversed_cents,
           rejected_cents = s.rejected_cents + EXCLUDED.rejected_cents
  )
  INSERT INTO earned_currency_daily AS s
         (currency, with_referral, referrer_user_id, referral_code_id, day, source, is_flagged, commission_eligible,
          commission_mask, cents)
  SELECT c.currency, true, coalesce(k.referrer_user_id, 0), coalesce(k.referral_code_id, 0),
         (c.created_at AT TIME ZONE 'UTC')::date, k.source, k.is_flagged, k.commission_eligible, k.commission_mask,
         sum(k.sign * c.amount_cents)
    FROM k JOIN commissions c ON c.referral_id = k.id AND c.currency <> 'usd'
   WHERE c.status <> 'rejected'
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING sum(k.sign * c.amount_cents) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (currency, with_referral, referrer_user_id, referral_code_id, day, source, is_flagged, commission_eligible,
               commission_mask)
  DO UPDATE SET cents = s.cents + EXCLUDED.cents;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_currency_referral_moved
AFTER UPDATE OF referrer_user_id, referral_code_id, used_at, source, is_flagged, commission_eligible, commission_mask
ON referral_usage_log FOR EACH ROW
-- Spelled column by column (not as a row comparison) so pg_get_triggerdef gives it back as written: the
-- seed's bulk load drops and re-creates triggers from their definitions.
WHEN (OLD.referrer_user_id IS DISTINCT FROM NEW.referrer_user_id OR OLD.referral_code_id IS DISTINCT FROM NEW.referral_code_id
      OR OLD.used_at IS DISTINCT FROM NEW.used_at OR OLD.source IS DISTINCT FROM NEW.source
      OR OLD.is_flagged IS DISTINCT FROM NEW.is_flagged OR OLD.commission_eligible IS DISTINCT FROM NEW.commission_eligible
      OR OLD.commission_mask IS DISTINCT FROM NEW.commission_mask)
EXECUTE FUNCTION report_currency_referral_moved();
--> statement-breakpoint
-- The recount of the referral's mask follows (every currency); its ledger_* sums stay usd.
CREATE OR REPLACE VIEW "referral_ledger_recount" AS
SELECT l.id, coalesce(s.mask, 0)::smallint AS commission_mask, coalesce(s.on_hold, 0)::bigint AS ledger_on_hold_cents,
       coalesce(s.approved, 0)::bigint AS ledger_approved_cents, coalesce(s.paid, 0)::bigint AS ledger_paid_cents,
       coalesce(s.reversed, 0)::bigint AS ledger_reversed_cents, coalesce(s.rejected, 0)::bigint AS ledger_rejected_cents,
       EXISTS (SELECT 1 FROM payments p WHERE p.user_id = l.referred_user_id AND p.type = 'payment') AS paying
  FROM referral_usage_log l
  LEFT JOIN (SELECT referral_id, bit_or(commission_status_bit(status)) AS mask,
                    sum(amount_cents) FILTER (WHERE status = 'pending' AND currency = 'usd') AS on_hold,
                    sum(amount_cents) FILTER (WHERE status = 'approved' AND currency = 'usd') AS approved,
                    sum(amount_cents) FILTER (WHERE status = 'paid' AND currency = 'usd') AS paid,
                    sum(amount_cents) FILTER (WHERE status = 'reversed' AND currency = 'usd') AS reversed,
                    sum(amount_cents) FILTER (WHERE status = 'rejected' AND currency = 'usd') AS rejected
               FROM commissions WHERE level = 'direct' AND referral_id IS NOT NULL
              GROUP BY referral_id) s
    ON s.referral_id = l.id;
--> statement-breakpoint

-- ---- A rebuild (after a bulk load with the triggers off, and the backfill below) -----------------------
CREATE OR REPLACE FUNCTION currency_rollups_fill() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM referral_currency_ledger;
  DELETE FROM referrer_currency_stats;
  DELETE FROM report_currency_daily;
  DELETE FROM earned_currency_daily;
  INSERT INTO referral_currency_ledger SELECT * FROM referral_currency_ledger_recount;
  INSERT INTO referrer_currency_stats SELECT * FROM referrer_currency_stats_recount;
  INSERT INTO report_currency_daily SELECT * FROM report_currency_daily_recount;
  INSERT INTO earned_currency_daily SELECT * FROM earned_currency_daily_recount;
END;
$$;
--> statement-breakpoint
-- Backfill: the masks of referrals with other-currency rows first (their usd rollups move with them by
-- report_referral_stmt; the currency rollups are still empty), then the currency rollups from the ledger.
UPDATE referral_usage_log l SET commission_mask = r.commission_mask
  FROM referral_ledger_recount r
 WHERE r.id = l.id AND l.commission_mask IS DISTINCT FROM r.commission_mask
   AND l.id IN (SELECT referral_id FROM commissions WHERE currency <> 'usd' AND referral_id IS NOT NULL);
--> statement-breakpoint
SELECT currency_rollups_fill();
