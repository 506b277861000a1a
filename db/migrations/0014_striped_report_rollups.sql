-- Custom migration (hand-written): the report rollups of 0012 striped like program_counters (0009), so
-- concurrent payments stop queueing on one row. Every payment that earns writes earned_daily's row of
-- TODAY (program-wide: one row shared by all payments of the day) and its referral moves in report_daily
-- (program-wide, per signup day); under load those single rows were the lock every payment waited on.
--
-- Each of report_daily, report_code_daily, earned_daily and earned_code_daily gets a `slot` (0–7) as the
-- LAST column of its primary key: a writer adds to the row of its own slot (rollup_slot(): the backend's
-- pid modulo 8, as program_counters does — a pooled connection keeps its slot, so its rows stay warm and
-- two backends only meet on one slot by chance), and a reader sums over slots. The key prefix is unchanged,
-- so the day-range scans of lib/queries/report-rollups.ts keep their indexes; every reader there already
-- sums the rows it selects (a derived table of facts, summed or grouped by day/source), so more rows per
-- key change no figure. A slot's row may go negative (a referral leaving a key from another slot than
-- the one it entered by): only the sum over slots has a meaning.
--
-- report_fill() (a rebuild, the seed's bulk load) deletes and refills everything from the recount views
-- through `INSERT … SELECT *`: the views have no slot, so the column added at the end takes its default
-- and the whole recount lands in slot 0. findRollupMismatches sums the slots per key before comparing.
--
-- Not striped: commission_totals and commission_daily (per beneficiary: a payment writes them after
-- lockPayerReferral took the referrer's row lock, so two payments of one referrer never write them at the
-- same time), referrer_stats (the row is also the lock that serialises a referrer's signup limits), the
-- per-code stats, and the click rollups (not on the payment path).

CREATE OR REPLACE FUNCTION rollup_slot() RETURNS smallint
LANGUAGE sql VOLATILE AS $$ SELECT (pg_backend_pid() % 8)::smallint $$;
--> statement-breakpoint
ALTER TABLE "report_daily" ADD COLUMN "slot" smallint DEFAULT 0 NOT NULL
  CONSTRAINT "report_daily_slot_range" CHECK ("slot" >= 0 AND "slot" < 8);
--> statement-breakpoint
ALTER TABLE "report_daily" DROP CONSTRAINT "report_daily_pkey";
--> statement-breakpoint
ALTER TABLE "report_daily" ADD PRIMARY KEY ("day", "source", "is_flagged", "commission_eligible", "commission_mask", "slot");
--> statement-breakpoint
ALTER TABLE "report_code_daily" ADD COLUMN "slot" smallint DEFAULT 0 NOT NULL
  CONSTRAINT "report_code_daily_slot_range" CHECK ("slot" >= 0 AND "slot" < 8);
--> statement-breakpoint
ALTER TABLE "report_code_daily" DROP CONSTRAINT "report_code_daily_pkey";
--> statement-breakpoint
ALTER TABLE "report_code_daily" ADD PRIMARY KEY
  ("referrer_user_id", "referral_code_id", "day", "source", "is_flagged", "commission_eligible", "commission_mask", "slot");
--> statement-breakpoint
ALTER TABLE "earned_daily" ADD COLUMN "slot" smallint DEFAULT 0 NOT NULL
  CONSTRAINT "earned_daily_slot_range" CHECK ("slot" >= 0 AND "slot" < 8);
--> statement-breakpoint
ALTER TABLE "earned_daily" DROP CONSTRAINT "earned_daily_pkey";
--> statement-breakpoint
ALTER TABLE "earned_daily" ADD PRIMARY KEY
  ("day", "with_referral", "source", "is_flagged", "commission_eligible", "commission_mask", "slot");
--> statement-breakpoint
ALTER TABLE "earned_code_daily" ADD COLUMN "slot" smallint DEFAULT 0 NOT NULL
  CONSTRAINT "earned_code_daily_slot_range" CHECK ("slot" >= 0 AND "slot" < 8);
--> statement-breakpoint
ALTER TABLE "earned_code_daily" DROP CONSTRAINT "earned_code_daily_pkey";
--> statement-breakpoint
ALTER TABLE "earned_code_daily" ADD PRIMARY KEY
  ("referrer_user_id", "referral_code_id", "day", "source", "is_flagged", "commission_eligible", "commission_mask", "slot");
--> statement-breakpoint

-- 0012's report_add and earned_add, each row now added to the writer's slot.
CREATE OR REPLACE FUNCTION report_add(deltas report_delta[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  my_slot smallint := rollup_slot();
BEGIN
  INSERT INTO report_daily AS s (day, source, is_flagged, commission_eligible, commission_mask, slot, referrals,
         commission_paid, paying, net_cents, on_hold_cents, approved_cents, paid_cents, reversed_cents, rejected_cents)
  SELECT day, source, is_flagged, commission_eligible, commission_mask, my_slot, sum(referrals), sum(commission_paid),
         sum(paying), sum(net_cents), sum(on_hold_cents), sum(approved_cents), sum(paid_cents),
         sum(reversed_cents), sum(rejected_cents)
    FROM unnest(deltas) GROUP BY 1, 2, 3, 4, 5
  HAVING sum(referrals) <> 0 OR sum(commission_paid) <> 0 OR sum(paying) <> 0 OR sum(net_cents) <> 0
      OR sum(on_hold_cents) <> 0 OR sum(approved_cents) <> 0 OR sum(paid_cents) <> 0
      OR sum(reversed_cents) <> 0 OR sum(rejected_cents) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (day, source, is_flagged, commission_eligible, commission_mask, slot) DO UPDATE
     SET referrals = s.referrals + EXCLUDED.referrals, commission_paid = s.commission_paid + EXCLUDED.commission_paid,
         paying = s.paying + EXCLUDED.paying, net_cents = s.net_cents + EXCLUDED.net_cents,
         on_hold_cents = s.on_hold_cents + EXCLUDED.on_hold_cents,
         approved_cents = s.approved_cents + EXCLUDED.approved_cents, paid_cents = s.paid_cents + EXCLUDED.paid_cents,
         reversed_cents = s.reversed_cents + EXCLUDED.reversed_cents,
         rejected_cents = s.rejected_cents + EXCLUDED.rejected_cents;

  INSERT INTO report_code_daily AS s (referrer_user_id, referral_code_id, day, source, is_flagged,
         commission_eligible, commission_mask, slot, referrals, commission_paid, paying, net_cents, on_hold_cents,
         approved_cents, paid_cents, reversed_cents, rejected_cents)
  SELECT referrer_user_id, referral_code_id, day, source, is_flagged, commission_eligible, commission_mask, my_slot,
         sum(referrals), sum(commission_paid), sum(paying), sum(net_cents), sum(on_hold_cents), sum(approved_cents),
         sum(paid_cents), sum(reversed_cents), sum(rejected_cents)
    FROM unnest(deltas) GROUP BY 1, 2, 3, 4, 5, 6, 7
  HAVING sum(referrals) <> 0 OR sum(commission_paid) <> 0 OR sum(paying) <> 0 OR sum(net_cents) <> 0
      OR sum(on_hold_cents) <> 0 OR sum(approved_cents) <> 0 OR sum(paid_cents) <> 0
      OR sum(reversed_cents) <> 0 OR sum(rejected_cents) <> 0
   ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (referrer_user_id, referral_code_id, day, source, is_flagged, commission_eligible, commission_mask, slot)
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
CREATE OR REPLACE FUNCTION earned_add(deltas earned_delta[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  my_slot smallint := rollup_slot();
BEGIN
  INSERT INTO earned_daily AS s (day, with_referral, source, is_flagged, commission_eligible, commission_mask, slot, cents)
  SELECT day, with_referral, source, is_flagged, commission_eligible, commission_mask, my_slot, sum(cents)
    FROM unnest(deltas) GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(cents) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (day, with_referral, source, is_flagged, commission_eligible, commission_mask, slot) DO UPDATE
     SET cents = s.cents + EXCLUDED.cents;

  INSERT INTO earned_code_daily AS s (referrer_user_id, referral_code_id, day, source, is_flagged,
         commission_eligible, commission_mask, slot, cents)
  SELECT referrer_user_id, referral_code_id, day, source, is_flagged, commission_eligible, commission_mask, my_slot,
         sum(cents)
    FROM unnest(deltas) WHERE with_referral
   GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(cents) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (referrer_user_id, referral_code_id, day, source, is_flagged, commission_eligible, commission_mask, slot)
  DO UPDATE SET cents = s.cents + EXCLUDED.cents;
END;
$$;
--> statement-breakpoint

-- ---- What reversals took back, per beneficiary ----------------------------------------------------------
-- GET /api/clients/:id/commissions shows it beside the buckets of commission_totals, which has no `kind` in
-- its key (a reversal row and an earning of one level and status share a row): it was summed from the
-- beneficiary's reversal rows on each request, a cost that grew with their history. Kept here like
-- commission_in_review (0011): reversal rows in the earned bucket (every status but rejected), summed.
CREATE TABLE "commission_reversed" (
	"beneficiary_user_id" integer PRIMARY KEY NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"amount_cents" bigint DEFAULT 0 NOT NULL,
	"entries" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION commission_reversed_add(deltas commission_rollup_delta[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO commission_reversed AS s (beneficiary_user_id, amount_cents, entries)
  SELECT beneficiary_user_id, sum(cents), sum(n)
    FROM unnest(deltas)
   GROUP BY 1 HAVING sum(cents) <> 0 OR sum(n) <> 0 ORDER BY 1
  ON CONFLICT (beneficiary_user_id) DO UPDATE
     SET amount_cents = s.amount_cents + EXCLUDED.amount_cents, entries = s.entries + EXCLUDED.entries;
END;
$$;
--> statement-breakpoint
-- 0011's commissions trigger, now also feeding commission_reversed.
CREATE OR REPLACE FUNCTION commission_rollups_stmt() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  deltas commission_rollup_delta[];
  review commission_rollup_delta[];
  reversed commission_rollup_delta[];
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    deltas := ARRAY(
      SELECT ROW(c.beneficiary_user_id, c.level, c.status, coalesce(l.referral_code_id, 0),
                 (c.created_at AT TIME ZONE 'UTC')::date, c.amount_cents, 1)::commission_rollup_delta
        FROM new_rows c LEFT JOIN referral_usage_log l ON l.id = c.referral_id);
    review := ARRAY(
      SELECT ROW(c.beneficiary_user_id, c.level, c.status, NULL, NULL, c.amount_cents, 1)::commission_rollup_delta
        FROM new_rows c JOIN referral_usage_log l ON l.id = c.referral_id
       WHERE c.status = 'pending' AND NOT l.commission_eligible);
    reversed := ARRAY(
      SELECT ROW(c.beneficiary_user_id, c.level, c.status, NULL, NULL, c.amount_cents, 1)::commission_rollup_delta
        FROM new_rows c WHERE c.kind = 'reversal' AND c.status <> 'rejected');
  ELSE
    deltas := '{}';
    review := '{}';
    reversed := '{}';
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    deltas := deltas || ARRAY(
      SELECT ROW(c.beneficiary_user_id, c.level, c.status, coalesce(l.referral_code_id, 0),
                 (c.created_at AT TIME ZONE 'UTC')::date, -c.amount_cents, -1)::commission_rollup_delta
        FROM old_rows c LEFT JOIN referral_usage_log l ON l.id = c.referral_id);
    review := review || ARRAY(
      SELECT ROW(c.beneficiary_user_id, c.level, c.status, NULL, NULL, -c.amount_cents, -1)::commission_rollup_delta
        FROM old_rows c JOIN referral_usage_log l ON l.id = c.referral_id
       WHERE c.status = 'pending' AND NOT l.commission_eligible);
    reversed := reversed || ARRAY(
      SELECT ROW(c.beneficiary_user_id, c.level, c.status, NULL, NULL, -c.amount_cents, -1)::commission_rollup_delta
        FROM old_rows c WHERE c.kind = 'reversal' AND c.status <> 'rejected');
  END IF;
  PERFORM commission_rollups_add(deltas);
  PERFORM commission_in_review_add(review);
  PERFORM commission_reversed_add(reversed);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
INSERT INTO commission_reversed (beneficiary_user_id, amount_cents, entries)
SELECT beneficiary_user_id, sum(amount_cents), count(*)
  FROM commissions WHERE kind = 'reversal' AND status <> 'rejected'
 GROUP BY 1;
