import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { inviteStatus } from "./enums";
import { createdAt } from "./timestamps";
import { users } from "./users";

export const ACCOUNT_TOKEN_PURPOSES = ["password_reset", "email_change"] as const;

// Single-use links sent by e-mail (0031): only the sha256 of the token is stored, the link holds the token.
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
    tokenHash: text("token_hash").notNull(),
    // The address being confirmed (email_change only).
    newEmail: text("new_email"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("account_tokens_hash_key").on(t.tokenHash),
    index("account_tokens_user_idx").on(t.userId, t.purpose),
    check("account_tokens_purpose_check", sql`${t.purpose} IN ('password_reset', 'email_change')`),
    check(
      "account_tokens_new_email_check",
      sql`(${t.purpose} = 'email_change') = (${t.newEmail} IS NOT NULL)`,
    ),
  ],
);

export const ACCOUNT_EMAIL_KINDS = [
  "password_reset",
  "email_change_confirm",
  "email_changed_notice",
] as const;

// Account e-mails, sent by a job like the invites; without SMTP_URL they stay queued: the admin outbox.
export const accountEmails = pgTable(
  "account_emails",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ACCOUNT_EMAIL_KINDS }).notNull(),
    email: text("email").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: inviteStatus("status").notNull().default("queued"),
    statusReason: text("status_reason"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("account_emails_email_idx").on(t.email, t.createdAt),
    index("account_emails_queued_idx")
      .on(t.id)
      .where(sql`status = 'queued'`),
  ],
);
