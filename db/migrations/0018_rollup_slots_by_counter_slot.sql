-- The report rollups striped in 0014 pick their slot like program_counters did before 0017 (pid % 8), so
-- two pooled connections often share a stripe and one waits for the other's whole transaction. Measured at
-- 1M referrals with 8 in-process signups (all source 'api', so one report_daily key of today): the signups
-- waited on `Lock:transactionid` at the signup insert, blocked by transactions that had moved on to their
-- later statements. They now take the stripe counter_slot() (0017) gives the transaction — one no other
-- open transaction holds, the same one for program_counters and every rollup it writes — so 16 slots.
CREATE OR REPLACE FUNCTION rollup_slot() RETURNS smallint
LANGUAGE sql VOLATILE AS $$ SELECT counter_slot() $$;
--> statement-breakpoint
ALTER TABLE "report_daily" DROP CONSTRAINT "report_daily_slot_range";
--> statement-breakpoint
ALTER TABLE "report_daily" ADD CONSTRAINT "report_daily_slot_range" CHECK ("slot" >= 0 AND "slot" < 16);
--> statement-breakpoint
ALTER TABLE "report_code_daily" DROP CONSTRAINT "report_code_daily_slot_range";
--> statement-breakpoint
ALTER TABLE "report_code_daily" ADD CONSTRAINT "report_code_daily_slot_range" CHECK ("slot" >= 0 AND "slot" < 16);
--> statement-breakpoint
ALTER TABLE "earned_daily" DROP CONSTRAINT "earned_daily_slot_range";
--> statement-breakpoint
ALTER TABLE "earned_daily" ADD CONSTRAINT "earned_daily_slot_range" CHECK ("slot" >= 0 AND "slot" < 16);
--> statement-breakpoint
ALTER TABLE "earned_code_daily" DROP CONSTRAINT "earned_code_daily_slot_range";
--> statement-breakpoint
ALTER TABLE "earned_code_daily" ADD CONSTRAINT "earned_code_daily_slot_range" CHECK ("slot" >= 0 AND "slot" < 16);
