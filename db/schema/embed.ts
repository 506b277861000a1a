import { index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { apiKeys } from "./admin";
import { createdAt } from "./timestamps";
import { users } from "./users";

// Short-lived tokens for the embeddable referral panel (0023): one client, a SHA-256 of the token only.
export const embedTokens = pgTable(
  "embed_tokens",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdByApiKeyId: integer("created_by_api_key_id").references(() => apiKeys.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("embed_tokens_hash_key").on(t.tokenHash),
    index("embed_tokens_user_idx").on(t.userId, t.expiresAt),
  ],
);
