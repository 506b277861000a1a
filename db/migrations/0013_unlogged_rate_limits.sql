-- Custom migration (hand-written): the rate-limit windows are throwaway counters, re-created by the next
-- hit. As an UNLOGGED table a hit writes no WAL, so its commit does not wait for a WAL flush (fsync) —
-- the public code validation pays one upsert per request. The price: after a PostgreSQL crash (not a
-- clean restart) the table comes back empty, i.e. every current window starts over. Sign-in throttles
-- (login_throttles, lock-outs that double) stay logged.
ALTER TABLE "rate_limits" SET UNLOGGED;
