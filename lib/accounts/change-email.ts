import { and, eq, ne } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { verifyPassword } from "@/lib/auth/password";
import { DomainError, pgErrorCode } from "@/lib/errors";
import { normalizeEmail } from "@/lib/referrals/normalize-email";
import { emailChangeConfirmEmail, emailChangedNoticeEmail, maskEmail } from "./account-email";
import { queueAccountEmail } from "./account-email-outbox";
import { consumeAccountToken, createAccountToken } from "./account-tokens";

export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60_000;

const taken = () =>
  new DomainError("email_taken", "Another account already uses that address", {
    status: 409,
    field: "newEmail",
  });

async function addressTaken(db: DbOrTx, email: string, userId: number): Promise<boolean> {
  const [other] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), ne(users.id, userId)))
    .limit(1);
  return Boolean(other);
}

/**
 * Starts an address change: checks the current password (a session left open must not be enough to take
 * the account over), then e-mails a single-use confirmation link to the NEW address. The address on the
 * account does not change until that link is used.
 */
export async function requestEmailChange(
  db: Db,
  input: { userId: number; newEmail: string; currentPassword: string; origin: string; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, input.userId))
    .limit(1);
  if (!user) throw new DomainError("not_found", "Account not found", { status: 404 });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError("wrong_password", "Your current password is not correct", {
      field: "currentPassword",
    });
  }
  if (input.newEmail === user.email) {
    throw new DomainError("same_email", "That is already your address", { field: "newEmail" });
  }
  if (await addressTaken(db, input.newEmail, user.id)) throw taken();
  await db.transaction(async (tx) => {
    const token = await createAccountToken(tx, {
      userId: user.id,
      purpose: "email_change",
      ttlMs: EMAIL_CHANGE_TTL_MS,
      now,
      newEmail: input.newEmail,
    });
    const link = `${input.origin}/confirm-email?token=${encodeURIComponent(token)}`;
    await queueAccountEmail(tx, {
      userId: user.id,
      kind: "email_change_confirm",
      to: input.newEmail,
      email: emailChangeConfirmEmail({ name: user.name, link, validHours: EMAIL_CHANGE_TTL_MS / 3_600_000 }),
      now,
    });
  });
}

/**
 * Confirms an address change with the link sent to the new address: uniqueness is checked again (someone
 * may have signed up with it since), the account's address changes, and the OLD address is told.
 */
export async function confirmEmailChange(
  db: Db,
  input: { token: string; now?: Date },
): Promise<{ userId: number; email: string }> {
  const now = input.now ?? new Date();
  try {
    return await db.transaction(async (tx) => {
      const token = await consumeAccountToken(tx, input.token, "email_change", now);
      const newEmail = token.newEmail!;
      const [user] = await tx
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(eq(users.id, token.userId))
        .for("update");
      if (!user) throw new DomainError("token_invalid", "This confirmation link is not valid.");
      if (await addressTaken(tx, newEmail, user.id)) throw taken();
      await tx
        .update(users)
        .set({ email: newEmail, normalizedEmail: normalizeEmail(newEmail), updatedAt: now })
        .where(eq(users.id, user.id));
      await queueAccountEmail(tx, {
        userId: user.id,
        kind: "email_changed_notice",
        to: user.email,
        email: emailChangedNoticeEmail({ name: user.name, newEmailMasked: maskEmail(newEmail) }),
        now,
      });
      return { userId: user.id, email: newEmail };
    });
  } catch (error) {
    // Two confirmations racing for one address: the unique index decides, the loser is told plainly.
    if (pgErrorCode(error) === "23505") throw taken();
    throw error;
  }
}
