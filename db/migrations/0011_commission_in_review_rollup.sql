-- Custom migration (hand-written): "in review" money per beneficiary — commissions on hold (status
-- `pending`, commission-buckets.ts's onHold) whose referral waits for a fraud review (not
-- commission-eligible) — kept like the other rollups of 0010, so the dashboard's commission card reads
-- one row instead of looking up the referral of every row on hold.
CREATE TABLE "commission_in_review" (
	"beneficiary_user_id" integer PRIMARY KEY NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"amount_cents" bigint DEFAULT 0 NOT NULL,
	"entries" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION commission_in_review_add(deltas commission_rollup_delta[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO commission_in_review AS s (beneficiary_user_id, amount_cents, entries)
  SELECT beneficiary_user_id, sum(cents), sum(n)
    FROM unnest(deltas)
   GROUP BY 1 HAVING sum(cents) <> 0 OR sum(n) <> 0 ORDER BY 1
  ON CONFLICT (beneficiary_user_id) DO UPDATE
     SET amount_cents = s.amount_cents + EXCLUDED.amount_cents, entries = s.entries + EXCLUDED.entries;
END;
$$;
--> statement-breakpoint
-- The commissions trigger of 0010, now also feeding commission_in_review with the rows that are (or were)
-- on hold for a referral in review; commission_in_review_add sums whatever it is given.
CREATE OR REPLACE FUNCTION commission_rollups_stmt() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  deltas commission_rollup_delta[];
  review commission_rollup_delta[];
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
  ELSE
    deltas := '{}';
    review := '{}';
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
  END IF;
  PERFORM commission_rollups_add(deltas);
  PERFORM commission_in_review_add(review);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A referral entering or leaving review moves its commissions on hold in or out.
CREATE OR REPLACE FUNCTION commission_in_review_referral() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  sign int := CASE WHEN NEW.commission_eligible THEN -1 ELSE 1 END;
BEGIN
  PERFORM commission_in_review_add(ARRAY(
    SELECT ROW(c.beneficiary_user_id, c.level, c.status, NULL, NULL, sign * c.amount_cents, sign)::commission_rollup_delta
      FROM commissions c WHERE c.referral_id = NEW.id AND c.status = 'pending'));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER commission_in_review_referral
AFTER UPDATE OF commission_eligible ON referral_usage_log FOR EACH ROW
WHEN (OLD.commission_eligible IS DISTINCT FROM NEW.commission_eligible)
EXECUTE FUNCTION commission_in_review_referral();
--> statement-breakpoint
INSERT INTO commission_in_review (beneficiary_user_id, amount_cents, entries)
SELECT c.beneficiary_user_id, sum(c.amount_cents), count(*)
  FROM commissions c JOIN referral_usage_log l ON l.id = c.referral_id
 WHERE c.status = 'pending' AND NOT l.commission_eligible
 GROUP BY 1;
