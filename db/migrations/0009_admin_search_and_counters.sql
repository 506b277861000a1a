-- Custom migration (hand-written): trigram indexes for the people search and program-wide counters.

-- The people search (lib/queries/user-search.ts) is `ILIKE '%text%'` on name, e-mail and account number.
-- gin_trgm_ops indexes answer ILIKE directly (case-insensitive), so no lower() expression is needed.
-- Texts shorter than 3 characters have no trigram: the planner then falls back to a scan, same matches.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "users_name_trgm_idx" ON "users" USING gin ("name" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "users_email_trgm_idx" ON "users" USING gin ("email" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "users_account_number_trgm_idx" ON "users" USING gin ("account_number" gin_trgm_ops);
--> statement-breakpoint
-- "Owns a code starting with": a prefix LIKE uses a btree only under the C collation or with pattern ops.
CREATE INDEX IF NOT EXISTS "referral_codes_canonical_prefix_idx" ON "referral_codes" ("canonical_code" text_pattern_ops);
--> statement-breakpoint

-- Whole-program counts for the admin overview, moved by triggers in the transaction that moves the facts
-- (a client signs up, a referral is logged or deleted, a role changes), so reading them is O(1) instead of
-- a scan of all history. Every signup moves both counters: one row would serialise concurrent signups on
-- its row lock, so the counts are striped over 8 rows (a session always writes the row picked by its
-- backend pid) and summed on read.
CREATE TABLE "program_counters" (
	"slot" smallint PRIMARY KEY NOT NULL,
	"clients" bigint DEFAULT 0 NOT NULL,
	"referrals" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "program_counters_slot_range" CHECK ("slot" >= 0 AND "slot" < 8)
);
--> statement-breakpoint
INSERT INTO "program_counters" ("slot", "clients", "referrals")
SELECT s,
       CASE WHEN s = 0 THEN (SELECT count(*) FROM users WHERE role = 'client') ELSE 0 END,
       CASE WHEN s = 0 THEN (SELECT count(*) FROM referral_usage_log) ELSE 0 END
  FROM generate_series(0, 7) AS s;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION program_counters_add(clients_delta bigint, referrals_delta bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF clients_delta <> 0 OR referrals_delta <> 0 THEN
    UPDATE program_counters
       SET clients = clients + clients_delta, referrals = referrals + referrals_delta
     WHERE slot = pg_backend_pid() % 8;
  END IF;
END;
$$;
--> statement-breakpoint
-- Inserts and deletes count per statement over the transition table: a bulk insert (the seed, COPY) moves
-- the counter once, not once per row.
CREATE OR REPLACE FUNCTION program_counters_users_stmt() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM program_counters_add((SELECT count(*) FROM new_rows WHERE role = 'client'), 0);
  ELSE
    PERFORM program_counters_add(-(SELECT count(*) FROM old_rows WHERE role = 'client'), 0);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Role changes are rare and per row; a row trigger with a column list and WHEN fires only for them (a
-- statement trigger with transition tables cannot have a column list and would run on every last-seen touch).
CREATE OR REPLACE FUNCTION program_counters_users_role() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM program_counters_add(
    (CASE WHEN NEW.role = 'client' THEN 1 ELSE 0 END) - (CASE WHEN OLD.role = 'client' THEN 1 ELSE 0 END), 0);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION program_counters_referrals_stmt() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM program_counters_add(0, (SELECT count(*) FROM new_rows));
  ELSE
    PERFORM program_counters_add(0, -(SELECT count(*) FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- TRUNCATE (also when cascaded from another table) empties the table: its counter is zero on every slot.
CREATE OR REPLACE FUNCTION program_counters_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    UPDATE program_counters SET clients = 0;
  ELSE
    UPDATE program_counters SET referrals = 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER program_counters_users_insert AFTER INSERT ON users
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION program_counters_users_stmt();
--> statement-breakpoint
CREATE TRIGGER program_counters_users_delete AFTER DELETE ON users
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION program_counters_users_stmt();
--> statement-breakpoint
CREATE TRIGGER program_counters_users_role AFTER UPDATE OF role ON users
FOR EACH ROW WHEN (OLD.role IS DISTINCT FROM NEW.role) EXECUTE FUNCTION program_counters_users_role();
--> statement-breakpoint
CREATE TRIGGER program_counters_users_truncate AFTER TRUNCATE ON users
FOR EACH STATEMENT EXECUTE FUNCTION program_counters_truncate();
--> statement-breakpoint
CREATE TRIGGER program_counters_referrals_insert AFTER INSERT ON referral_usage_log
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION program_counters_referrals_stmt();
--> statement-breakpoint
CREATE TRIGGER program_counters_referrals_delete AFTER DELETE ON referral_usage_log
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION program_counters_referrals_stmt();
--> statement-breakpoint
CREATE TRIGGER program_counters_referrals_truncate AFTER TRUNCATE ON referral_usage_log
FOR EACH STATEMENT EXECUTE FUNCTION program_counters_truncate();
