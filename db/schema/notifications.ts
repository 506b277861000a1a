import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./timestamps";
import { users } from "./users";

// E-mail notifications (0034): see lib/notifications/. Kinds are the contract's
// (lib/notifications/messages.ts); the database keeps them as text so adding a kind needs no migration.

/** queued → sending → sent | failed; capped (over the daily cap) and skipped (turned off) are final. */
export const notificationStatus = ["queued", "sending", "sent", "failed", "capped", "skipped"] as const;

export const notificationOutbox = pgTable(
  "notification_outbox",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    idempotencyKey: text("idempotency_key").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    message: jsonb("message").$type<Record<string, unknown>>().notNull(),
    subject: text("subject").notNull(),
    /** The plain-text part as rendered when queued (the admin outbox shows it, the send job mails it). */
    body: text("body").notNull(),
    /** The HTML part as rendered when queued (0044); null only on rows queued before that. */
    html: text("html"),
    /** The page the message is about, e.g. `/dashboard` (made absolute with the configured origin). */
    actionPath: text("action_path").notNull(),
    status: text("status", { enum: notificationStatus }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("notification_outbox_idempotency_key").on(t.idempotencyKey),
    index("notification_outbox_status_idx").on(t.status, t.id),
    index("notification_outbox_user_idx").on(t.userId, t.id),
  ],
);

export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    enabled: boolean("enabled").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

export const notificationDailyCounts = pgTable(
  "notification_daily_counts",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    messages: integer("messages").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);

export const notificationMonthlyRuns = pgTable("notification_monthly_runs", {
  month: text("month").primaryKey(),
  lastUserId: integer("last_user_id").notNull().default(0),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
});
