import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Db } from "@/db/types";
import { hashPassword } from "@/lib/auth/password";
import { checkPasswordStrength } from "@/lib/auth/password-strength";
import { DomainError } from "@/lib/errors";
import { checkRateLimit, limitFromEnv } from "@/lib/rate-limit";
import { passwordResetEmail } from "./account-email";
import { queueAccountEmail } from "./account-email-outbox";
import {
  consumeAccountToken,
  createAccountToken,
  hashToken,
  newTokenValue,
  retireAccountTokens,
} from "./account-tokens";
import { bumpSessionVersion } from "./session-version";

export const RESET_TOKEN_TTL_MS = 30 * 60_000;
const THROTTLE_WINDOW_MS = 15 * 60_000;

/** What every request is answered, whether or not the address has an account. */
export const PASSWORD_RESET_REQUESTED =
  "If an account uses that address, we have sent it a link to choose a new password. The link works for 30 minutes.";

function throttled(retryAfterSeconds: number): DomainError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new DomainError(
    "too_many_requests",
    `Too many reset requests. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
  );
}

/**
 * Sends a reset link if `email` belongs to an active account. The caller answers the same either way; the
 * throttles count every request per address (whether or not it has an account, so a 429 reveals nothing)
 * and per client address. A token is drawn in both branches, so the two differ only by the insert.
 */
export async function requestPasswordReset(
  db: Db,
  input: { email: string; ip: string | null; origin: string; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  const perAddress = { limit: limitFromEnv("PASSWORD_RESET_MAX_PER_EMAIL", 5), windowMs: THROTTLE_WINDOW_MS };
  const byEmail = await checkRateLimit(db, "password-reset:email", input.email, perAddress, input.now);
  if (!byEmail.allowed) throw throttled(byEmail.retryAfterSeconds);
  if (input.ip) {
    const perIp = { limit: limitFromEnv("PASSWORD_RESET_MAX_PER_ADDRESS", 30), windowMs: THROTTLE_WINDOW_MS };
    const byIp = await checkRateLimit(db, "password-reset:ip", input.ip, perIp, input.now);
    if (!byIp.allowed) throw throttled(byIp.retryAfterSeconds);
  }
  hashToken(newTokenValue());
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, status: users.status })
    .from(users)
    .where(eq(users.email, input.email))
    .limit(1);
  // A suspended account gets no link: a new password would not let it in anyway.
  if (!user || user.status !== "active") return;
  await db.transaction(async (tx) => {
    const token = await createAccountToken(tx, {
      userId: user.id,
      purpose: "password_reset",
      ttlMs: RESET_TOKEN_TTL_MS,
      now,
    });
    const link = `${input.origin}/reset-password?token=${encodeURIComponent(token)}`;
    await queueAccountEmail(tx, {
      userId: user.id,
      kind: "password_reset",
      to: user.email,
      email: passwordResetEmail({ name: user.name, link, validMinutes: RESET_TOKEN_TTL_MS / 60_000 }),
      now,
    });
  });
}

/**
 * Sets a new password with a reset link: the token is used up, every other open reset link of the account
 * dies with it, the "must change" flag of a temporary password clears, and every session ends (the session
 * version moves on). Refusals (weak password) leave the token unused, in the same transaction.
 */
export async function confirmPasswordReset(
  db: Db,
  input: { token: string; password: string; now?: Date },
): Promise<{ userId: number; email: string }> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const token = await consumeAccountToken(tx, input.token, "password_reset", now);
    const [user] = await tx
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(eq(users.id, token.userId))
      .for("update");
    if (!user) throw new DomainError("token_invalid", "This reset link is not valid. Ask for a new one.");
    const strength = checkPasswordStrength(input.password, user);
    if (!strength.ok) {
      throw new DomainError(
        "weak_password",
        strength.message ?? "Choose a password that is harder to guess",
        {
          field: "password",
        },
      );
    }
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(input.password), mustChangePassword: false, updatedAt: now })
      .where(eq(users.id, user.id));
    await bumpSessionVersion(tx, user.id);
    await retireAccountTokens(tx, user.id, "password_reset", now);
    return { userId: user.id, email: user.email };
  });
}
