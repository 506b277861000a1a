-- Points taken back (issue 13 item 2): a refund or chargeback that leaves a referred client with nothing
-- paid takes back the referrer's points its first payment released. Points never go below zero: what the
-- balance can't cover is a points debt, kept on the take-back row and paid off first by later earnings.
--
--   points_ledger.payment_id    the refund or chargeback that took the points back (take-back rows only)
--   points_ledger.debt_points   what of this take-back is still owed (falls as later earnings pay it)
--   users.points_debt           Σ debt_points of the user's rows, cached like points_balance
--
-- A take-back row takes from the balance only what is there, so it may move 0 points and owe it all: a
-- reversal row may have delta 0.
ALTER TABLE "points_ledger" ADD COLUMN "payment_id" integer REFERENCES "payments"("id") ON DELETE SET NULL;
--> statement-breakpoint
ALTER TABLE "points_ledger" ADD COLUMN "debt_points" integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE "points_ledger" ADD CONSTRAINT "points_ledger_debt_range"
  CHECK ("debt_points" >= 0 AND ("debt_points" = 0 OR "reason" = 'reversal'));
--> statement-breakpoint
ALTER TABLE "points_ledger" DROP CONSTRAINT "points_ledger_nonzero";
--> statement-breakpoint
ALTER TABLE "points_ledger" ADD CONSTRAINT "points_ledger_nonzero"
  CHECK ("delta_points" <> 0 OR "reason" = 'reversal');
--> statement-breakpoint
-- A referral's points are taken back once, whatever runs concurrently.
CREATE UNIQUE INDEX "points_ledger_take_back_once_key" ON "points_ledger" ("referral_id")
  WHERE "reason" = 'reversal' AND "payment_id" IS NOT NULL;
--> statement-breakpoint
-- Open debts of one user (the Rewards tab, and every credit of a user in debt) without reading their history.
CREATE INDEX "points_ledger_open_debt_idx" ON "points_ledger" ("user_id", "created_at", "id")
  WHERE "debt_points" > 0;
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "points_debt" integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_points_debt_nonneg" CHECK ("points_debt" >= 0);
