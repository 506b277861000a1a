-- The invite sweeper (lib/invites/sweep-queued-invites.ts) looks for invites still queued every few minutes;
-- sent and skipped ones are nearly all of the table, so a partial index keeps that a look at a few rows.
CREATE INDEX IF NOT EXISTS "email_invites_queued_idx" ON "email_invites" ("id") WHERE "status" = 'queued';
