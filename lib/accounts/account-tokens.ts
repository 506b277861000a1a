import { and, eq, isNull } from "drizzle-orm";
import { accountTokens } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { hashBearerSecret, newBearerSecret } from "@/lib/auth/bearer-secret";
import { DomainError } from "@/lib/errors";

export type AccountTokenPurpose = (typeof accountTokens.$inferSelect)["purpose"];
export type AccountToken = typeof accountTokens.$inferSelect;

/** What the e-mailed link carries (lib/auth/bearer-secret.ts). */
export const newTokenValue = (): string => newBearerSecret();
/** Only this is stored. */
export const hashToken = hashBearerSecret;

/** Records a new single-use token for `userId` and returns the token itself (for the link, never stored). */
export async function createAccountToken(
  tx: DbOrTx,
  input: { userId: number; purpose: AccountTokenPurpose; ttlMs: number; now: Date; newEmail?: string },
): Promise<string> {
  const token = newTokenValue();
  await tx.insert(accountTokens).values({
    userId: input.userId,
    purpose: input.purpose,
    tokenHash: hashToken(token),
    newEmail: input.newEmail ?? null,
    expiresAt: new Date(input.now.getTime() + input.ttlMs),
    createdAt: input.now,
  });
  return token;
}

const WORDS: Record<AccountTokenPurpose, string> = {
  password_reset: "reset link",
  email_change: "confirmation link",
};

/**
 * Uses up a token inside the caller's transaction: the row is locked, so two concurrent uses cannot both
 * pass. A used or expired token is refused with a message that says which (the link's owner needs to know
 * whether to ask for a new one or whether someone already used it).
 */
export async function consumeAccountToken(
  tx: DbOrTx,
  token: string,
  purpose: AccountTokenPurpose,
  now: Date,
): Promise<AccountToken> {
  const [row] = await tx
    .select()
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, hashToken(token)), eq(accountTokens.purpose, purpose)))
    .for("update");
  const what = WORDS[purpose];
  if (!row)
    throw new DomainError("token_invalid", `This ${what} is not valid. Ask for a new one.`, {
      field: "token",
    });
  if (row.usedAt)
    throw new DomainError(
      "token_used",
      `This ${what} has already been used. Ask for a new one if you need it.`,
      {
        field: "token",
      },
    );
  if (row.expiresAt.getTime() <= now.getTime())
    throw new DomainError("token_expired", `This ${what} has expired. Ask for a new one.`, {
      field: "token",
    });
  await tx.update(accountTokens).set({ usedAt: now }).where(eq(accountTokens.id, row.id));
  return row;
}

/** Retires the user's other open tokens of a purpose (a reset done with one link kills the older links). */
export async function retireAccountTokens(
  tx: DbOrTx,
  userId: number,
  purpose: AccountTokenPurpose,
  now: Date,
): Promise<void> {
  await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)),
    );
}
