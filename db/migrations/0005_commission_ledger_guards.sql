ALTER TABLE "payments" ADD COLUMN "provider_charge_id" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "provider_payment_intent_id" text;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "outcome" text;--> statement-breakpoint
CREATE INDEX "payments_provider_charge_idx" ON "payments" USING btree ("provider_charge_id");--> statement-breakpoint
CREATE INDEX "payments_provider_payment_intent_idx" ON "payments" USING btree ("provider_payment_intent_id");--> statement-breakpoint
CREATE INDEX "commissions_payable_idx" ON "commissions" USING btree ("beneficiary_user_id") WHERE "commissions"."status" = 'approved' AND "commissions"."payout_id" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "commissions_payment_level_key" ON "commissions" USING btree ("payment_id","level") WHERE "commissions"."kind" = 'earning' AND "commissions"."payment_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "commissions_reversal_once_key" ON "commissions" USING btree ("payment_id","reverses_commission_id") WHERE "commissions"."kind" = 'reversal' AND "commissions"."payment_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "commissions_bonus_once_key" ON "commissions" USING btree ("beneficiary_user_id","campaign_id") WHERE "commissions"."level" = 'bonus' AND "commissions"."kind" = 'earning' AND "commissions"."status" <> 'rejected';--> statement-breakpoint
CREATE UNIQUE INDEX "commissions_retention_once_key" ON "commissions" USING btree ("referral_id") WHERE "commissions"."level" = 'retention' AND "commissions"."kind" = 'earning' AND "commissions"."status" <> 'rejected';