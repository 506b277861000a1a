-- /admin/audit filters by action, newest first (keyset on id). Without this index a rare action (a payout
-- batch paid, a sign-in lock) walked the whole log backwards by id to fill a page of 50.
CREATE INDEX IF NOT EXISTS "audit_log_action_idx" ON "audit_log" ("action", "id");
