-- Custom migration (hand-written): payments in any ISO 4217 currency (issue 13 item 3).
--
-- A commission is in its payment's currency (percentages) or the base currency usd (flat amounts), stored in
-- that currency's minor units; amounts of two currencies are never added. So:
--   commissions.currency                 the currency of amount_cents; reversals copy their earning's
--   payouts.currency                     one payout line per referrer AND currency in a batch
--   payout_batches.currency_totals       the batch's total per currency ({"usd": 11000, "eur": 399});
--                                        total_cents keeps the usd lines' total only
--   commission_currency_totals           per beneficiary, currency and status: minor units and rows — the
--                                        per-currency balances (dashboard, API, payouts preview)
-- The older money rollups (commission_totals/daily/in_review/reversed, the report rollups of 0012/0014 and
-- the referrals' ledger_* sums) are keyed without a currency: they keep base-currency (usd) semantics and
-- now only ever see usd rows, so they cannot mix currencies. Their trigger functions are rewritten below by
-- replacing the relations they read (the transition tables, the commissions table) with their usd rows; the
-- migration fails if a text it replaces moved. Counts that are not money (entries, status masks) follow
-- the same rows. A referral whose direct rows are all in another currency now joins no row at all, so its
-- mask skips the NULL status (commission_status_bit(NULL) is the rejected bit).
ALTER TABLE "commissions" ADD COLUMN "currency" text DEFAULT 'usd' NOT NULL
  CONSTRAINT "commissions_currency_format" CHECK ("currency" ~ '^[a-z]{3}$');
--> statement-breakpoint
ALTER TABLE "payouts" ADD COLUMN "currency" text DEFAULT 'usd' NOT NULL
  CONSTRAINT "payouts_currency_format" CHECK ("currency" ~ '^[a-z]{3}$');
--> statement-breakpoint
DROP INDEX "payouts_batch_beneficiary_key";
--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_batch_beneficiary_currency_key" ON "payouts" USING btree ("batch_id", "beneficiary_user_id", "currency");
--> statement-breakpoint
ALTER TABLE "payout_batches" ADD COLUMN "currency_totals" jsonb DEFAULT '{}'::jsonb NOT NULL;
--> statement-breakpoint
UPDATE "payout_batches" SET "currency_totals" = jsonb_build_object('usd', "total_cents") WHERE "total_cents" <> 0;
--> statement-breakpoint

-- ---- Per-currency balances --------------------------------------------------------------------------
CREATE TABLE "commission_currency_totals" (
	"beneficiary_user_id" integer NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"currency" text NOT NULL,
	"status" commission_status NOT NULL,
	"amount_cents" bigint DEFAULT 0 NOT NULL,
	"entries" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "commission_currency_totals_pkey" PRIMARY KEY ("beneficiary_user_id", "currency", "status")
);
--> statement-breakpoint
-- Written after lockPayerReferral took the referrer's row lock (like commission_totals), so two payments of
-- one referrer never write the same row at once; ORDER BY keeps the lock order fixed for batch updates.
CREATE TYPE "commission_currency_delta" AS (
	beneficiary_user_id integer, currency text, status commission_status, cents bigint, n bigint
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION commission_currency_totals_stmt() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  deltas commission_currency_delta[] := '{}';
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    deltas := ARRAY(SELECT ROW(beneficiary_user_id, currency, status, amount_cents, 1)::commission_currency_delta
                      FROM new_rows);
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    deltas := deltas || ARRAY(SELECT ROW(beneficiary_user_id, currency, status, -amount_cents, -1)::commission_currency_delta
                                FROM old_rows);
  END IF;
  INSERT INTO commission_currency_totals AS s (beneficiary_user_id, currency, status, amount_cents, entries)
  SELECT beneficiary_user_id, currency, status, sum(cents), sum(n)
    FROM unnest(deltas)
   GROUP BY 1, 2, 3 HAVING sum(cents) <> 0 OR sum(n) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (beneficiary_user_id, currency, status) DO UPDATE
     SET amount_cents = s.amount_cents + EXCLUDED.amount_cents, entries = s.entries + EXCLUDED.entries;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER commission_currency_totals_insert AFTER INSERT ON commissions
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION commission_currency_totals_stmt();
--> statement-breakpoint
CREATE TRIGGER commission_currency_totals_update AFTER UPDATE ON commissions
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION commission_currency_totals_stmt();
--> statement-breakpoint
CREATE TRIGGER commission_currency_totals_delete AFTER DELETE ON commissions
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION commission_currency_totals_stmt();
--> statement-breakpoint
INSERT INTO commission_currency_totals (beneficiary_user_id, currency, status, amount_cents, entries)
SELECT beneficiary_user_id, currency, status, sum(amount_cents), count(*) FROM commissions GROUP BY 1, 2, 3;
--> statement-breakpoint

-- ---- The usd-keyed rollups read usd rows only ----------------------------------------------------------
DO $$
DECLARE
  fn text;
  def text;
  pair text[];
  edits jsonb := '{
    "commission_rollups_stmt()": [
      ["FROM new_rows c", "FROM (SELECT * FROM new_rows WHERE currency = ''usd'') c"],
      ["FROM old_rows c", "FROM (SELECT * FROM old_rows WHERE currency = ''usd'') c"]],
    "report_commission_stmt()": [
      ["FROM new_rows c", "FROM (SELECT * FROM new_rows WHERE currency = ''usd'') c"],
      ["FROM old_rows c", "FROM (SELECT * FROM old_rows WHERE currency = ''usd'') c"],
      ["LEFT JOIN commissions c ON c.referral_id = r.id AND c.level = ''direct''",
       "LEFT JOIN commissions c ON c.referral_id = r.id AND c.level = ''direct'' AND c.currency = ''usd''"],
      ["coalesce(bit_or(commission_status_bit(c.status)), 0)",
       "coalesce(bit_or(commission_status_bit(c.status)) FILTER (WHERE c.status IS NOT NULL), 0)"]],
    "report_referral_stmt()": [
      ["JOIN commissions c ON c.referral_id = k.id", "JOIN commissions c ON c.referral_id = k.id AND c.currency = ''usd''"]],
    "commission_in_review_referral()": [
      ["FROM commissions c WHERE c.referral_id = NEW.id", "FROM commissions c WHERE c.currency = ''usd'' AND c.referral_id = NEW.id"]]
  }';
BEGIN
  FOR fn IN SELECT jsonb_object_keys(edits) LOOP
    def := pg_get_functiondef(fn::regprocedure);
    FOR pair IN SELECT ARRAY(SELECT jsonb_array_elements_text(e)) FROM jsonb_array_elements(edits -> fn) e LOOP
      IF position(pair[1] IN def) = 0 THEN
        RAISE EXCEPTION '% no longer contains "%": update 0027', fn, pair[1];
      END IF;
      def := replace(def, pair[1], pair[2]);
    END LOOP;
    EXECUTE def;
  END LOOP;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE VIEW "referral_ledger_recount" AS
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
               FROM commissions WHERE level = 'direct' AND referral_id IS NOT NULL AND currency = 'usd'
              GROUP BY referral_id) s
    ON s.referral_id = l.id;
--> statement-breakpoint
CREATE OR REPLACE VIEW "earned_code_daily_recount" AS
SELECT coalesce(l.referrer_user_id, 0) AS referrer_user_id, coalesce(l.referral_code_id, 0) AS referral_code_id,
       (c.created_at AT TIME ZONE 'UTC')::date AS day, l.source, l.is_flagged, l.commission_eligible,
       l.commission_mask, sum(c.amount_cents)::bigint AS cents
  FROM commissions c JOIN referral_usage_log l ON l.id = c.referral_id
 WHERE c.status <> 'rejected' AND c.currency = 'usd'
 GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(c.amount_cents) <> 0;
--> statement-breakpoint
CREATE OR REPLACE VIEW "earned_daily_recount" AS
SELECT (c.created_at AT TIME ZONE 'UTC')::date AS day, l.id IS NOT NULL AS with_referral,
       coalesce(l.source, 'link') AS source, coalesce(l.is_flagged, false) AS is_flagged,
       coalesce(l.commission_eligible, false) AS commission_eligible,
       coalesce(l.commission_mask, 0::smallint) AS commission_mask, sum(c.amount_cents)::bigint AS cents
  FROM commissions c LEFT JOIN referral_usage_log l ON l.id = c.referral_id
 WHERE c.status <> 'rejected' AND c.currency = 'usd'
 GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(c.amount_cents) <> 0;
