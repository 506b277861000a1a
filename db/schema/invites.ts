import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { inviteStatus } from "./enums";
import { referralCodes } from "./referrals";
import { createdAt } from "./timestamps";
import { users } from "./users";

// E-mail invites a referrer sends; with no SMTP configured they stay `queued` as the admin-readable outbox.
export const emailInvites = pgTable(
  "email_invites",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    referrerUserId: integer("referrer_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    referralCodeId: integer("referral_code_id").references(() => referralCodes.id, { onDelete: "set null" }),
    email: text("email").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: inviteStatus("status").notNull().default("queued"),
    statusReason: text("status_reason"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("email_invites_referrer_idx").on(t.referrerUserId, t.createdAt),
    index("email_invites_email_idx").on(t.email),
    // The sweeper's look-up of invites still queued (0026).
    index("email_invites_queued_idx")
      .on(t.id)
      .where(sql`status = 'queued'`),
  ],
);
