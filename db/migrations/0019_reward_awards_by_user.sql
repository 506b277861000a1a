-- The dashboard's points card reads one referrer's offer awards; the key (rule_id, user_id) can't serve that,
-- so it scanned every award in the program (a table that grows with the program's referrers).
CREATE INDEX IF NOT EXISTS "reward_rule_awards_user_idx" ON "reward_rule_awards" ("user_id");
