import { index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

// Counters shared by every server instance (lib/rate-limit.ts). One row per bucket and key (a client
// address, an e-mail), holding the current fixed window only: a hit is one upsert, never a count over
// history. `expires_at` is the window's end; rows past it are pruned in small batches. The table is
// UNLOGGED (migration 0013): a hit's commit waits for no WAL flush, and a crash only restarts windows.
export const rateLimits = pgTable(
  "rate_limits",
  {
    bucket: text("bucket").notNull(),
    key: text("key").notNull(),
    hits: integer("hits").notNull(),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.key] }), index("rate_limits_expires_idx").on(t.expiresAt)],
);

// Sign-in attempts per account (e-mail, whether or not it exists) and per client address
// (lib/auth/login-throttle.ts). `lockouts` counts consecutive lock-outs so each one lasts twice as
// long; `refused` counts attempts turned away during the current lock-out (0 = this one just began).
export const loginThrottles = pgTable(
  "login_throttles",
  {
    scope: text("scope", { enum: ["email", "address"] }).notNull(),
    key: text("key").notNull(),
    attempts: integer("attempts").notNull(),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
    lockouts: integer("lockouts").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    refused: integer("refused").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index("login_throttles_updated_idx").on(t.updatedAt)],
);
