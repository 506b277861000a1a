-- Custom migration (hand-written): a referrer's own commissions per currency by day and by code (issue 13 item 3).
--
-- commission_daily and commission_totals (0010) hold base-currency (usd) rows only since 0027, so the
-- dashboard's monthly report, the monthly summary e-mail (same statement) and the analytics' per-code
-- commission showed nothing a referrer earned in EUR or JPY. Their companions, keyed like them plus a
-- currency, holding non-usd rows only (a usd-only program writes none), as 0036 did for the report rollups:
--   commission_currency_daily        per beneficiary, UTC day of creation, currency, level, status
--   commission_currency_code_totals  per beneficiary, level, code (0: none), currency, status
-- Both cents and rows, like the usd ones. Amounts of two currencies are never added: every key has a currency.
CREATE TABLE "commission_currency_daily" (
	"beneficiary_user_id" integer NOT NULL,
	"day" date NOT NULL,
	"currency" text NOT NULL,
	"level" "commission_level" NOT NULL,
	"status" "commission_status" NOT NULL,
	"amount_cents" bigint DEFAULT 0 NOT NULL,
	"entries" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "commission_currency_daily_pkey" PRIMARY KEY ("beneficiary_user_id", "day", "currency", "level", "status")
);
--> statement-breakpoint
CREATE TABLE "commission_currency_code_totals" (
	"beneficiary_user_id" integer NOT NULL,
	"level" "commission_level" NOT NULL,
	"referral_code_id" integer NOT NULL,
	"currency" text NOT NULL,
	"status" "commission_status" NOT NULL,
	"amount_cents" bigint DEFAULT 0 NOT NULL,
	"entries" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "commission_currency_code_totals_pkey" PRIMARY KEY ("beneficiary_user_id", "level", "referral_code_id", "currency", "status")
);
--> statement-breakpoint
CREATE TYPE "commission_currency_rollup_delta" AS (
	beneficiary_user_id integer, level commission_level, status commission_status, currency text,
	referral_code_id integer, day date, cents bigint, n bigint
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION commission_currency_rollups_add(deltas commission_currency_rollup_delta[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO commission_currency_daily AS s (beneficiary_user_id, day, currency, level, status, amount_cents, entries)
  SELECT beneficiary_user_id, day, currency, level, status, sum(cents), sum(n)
    FROM unnest(deltas) GROUP BY 1, 2, 3, 4, 5
  HAVING sum(cents) <> 0 OR sum(n) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (beneficiary_user_id, day, currency, level, status) DO UPDATE
     SET amount_cents = s.amount_cents + EXCLUDED.amount_cents, entries = s.entries + EXCLUDED.entries;

  INSERT INTO commission_currency_code_totals AS s
         (beneficiary_user_id, level, referral_code_id, currency, status, amount_cents, entries)
  SELECT beneficiary_user_id, level, referral_code_id, currency, status, sum(cents), sum(n)
    FROM unnest(deltas) GROUP BY 1, 2, 3, 4, 5
  HAVING sum(cents) <> 0 OR sum(n) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (beneficiary_user_id, level, referral_code_id, currency, status) DO UPDATE
     SET amount_cents = s.amount_cents + EXCLUDED.amount_cents, entries = s.entries + EXCLUDED.entries;
END;
$$;
--> statement-breakpoint
-- 0036's body (balances + the report companions), plus the two rollups above for the rows not in usd. On a
-- usd-only write the extra cost is one more filtered pass over the transition table.
CREATE OR REPLACE FUNCTION commission_currency_totals_stmt() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  deltas commission_currency_delta[] := '{}';
  other commission_other_delta[] := '{}';
  own commission_currency_rollup_delta[] := '{}';
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    deltas := ARRAY(SELECT ROW(beneficiary_user_id, currency, status, amount_cents, 1)::commission_currency_delta
                      FROM new_rows);
    other := ARRAY(SELECT ROW(referral_id, level, status, currency, (created_at AT TIME ZONE 'UTC')::date,
                              amount_cents)::commission_other_delta
                     FROM new_rows WHERE currency <> 'usd');
    IF cardinality(other) > 0 THEN
      own := ARRAY(SELECT ROW(c.beneficiary_user_id, c.level, c.status, c.currency, coalesce(l.referral_code_id, 0),
                              (c.created_at AT TIME ZONE 'UTC')::date, c.amount_cents, 1)::commission_currency_rollup_delta
                     FROM (SELECT * FROM new_rows WHERE currency <> 'usd') c
                     LEFT JOIN referral_usage_log l ON l.id = c.referral_id);
    END IF;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    deltas := deltas || ARRAY(SELECT ROW(beneficiary_user_id, currency, status, -amount_cents, -1)::commission_currency_delta
                                FROM old_rows);
    other := other || ARRAY(SELECT ROW(referral_id, level, status, currency, (created_at AT TIME ZONE 'UTC')::date,
                                       -amount_cents)::commission_other_delta
                              FROM old_rows WHERE currency <> 'usd');
    IF cardinality(other) > 0 THEN
      own := own || ARRAY(SELECT ROW(c.beneficiary_user_id, c.level, c.status, c.currency, coalesce(l.referral_code_id, 0),
                                     (c.created_at AT TIME ZONE 'UTC')::date, -c.amount_cents, -1)::commission_currency_rollup_delta
                            FROM (SELECT * FROM old_rows WHERE currency <> 'usd') c
                            LEFT JOIN referral_usage_log l ON l.id = c.referral_id);
    END IF;
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
  IF cardinality(own) > 0 THEN
    PERFORM commission_currency_rollups_add(own);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Backfill from the ledger.
INSERT INTO commission_currency_daily (beneficiary_user_id, day, currency, level, status, amount_cents, entries)
SELECT beneficiary_user_id, (created_at AT TIME ZONE 'UTC')::date, currency, level, status, sum(amount_cents), count(*)
  FROM commissions WHERE currency <> 'usd' GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO commission_currency_code_totals (beneficiary_user_id, level, referral_code_id, currency, status, amount_cents, entries)
SELECT c.beneficiary_user_id, c.level, coalesce(l.referral_code_id, 0), c.currency, c.status, sum(c.amount_cents), count(*)
  FROM commissions c LEFT JOIN referral_usage_log l ON l.id = c.referral_id
 WHERE c.currency <> 'usd' GROUP BY 1, 2, 3, 4, 5;
