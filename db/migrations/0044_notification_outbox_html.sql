-- A notification is rendered once, before the transaction that queues it (lib/notifications/render-drafts.ts),
-- and the send job mails what the row holds: `subject` and `body` (the plain text) were already stored, the
-- HTML part is stored beside them. NULL only on rows queued before this migration: their first send
-- renders them once and stores the result, so a retry mails the same.
ALTER TABLE "notification_outbox" ADD COLUMN IF NOT EXISTS "html" text;
