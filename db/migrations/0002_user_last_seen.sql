ALTER TABLE "users" ADD COLUMN "last_ip_hash" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_device_id" text;