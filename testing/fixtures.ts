// Builders the integration tests share (not a test file itself): users, codes and referral rows written
// straight into the tables, and the DomainError a refused call fails with. Counters are per test file
// (each file runs in its own module scope and on its own database), so names like `client3@example.com`
// are unique within the file's database.
import { expect } from "vitest";
import { referralCodes, referralUsageLog, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { DomainError } from "@/lib/errors";
import { canonicalCode } from "@/lib/referrals/code-format";

type UserInsert = typeof users.$inferInsert;
type CodeInsert = typeof referralCodes.$inferInsert;
type ReferralInsert = typeof referralUsageLog.$inferInsert;
export type User = typeof users.$inferSelect;
export type ReferralCode = typeof referralCodes.$inferSelect;

/** One user row: the normalised e-mail is the e-mail as given and the password hash a placeholder, unless set. */
export async function insertUser(
  db: DbOrTx,
  values: Omit<UserInsert, "normalizedEmail" | "passwordHash"> &
    Partial<Pick<UserInsert, "normalizedEmail" | "passwordHash">>,
): Promise<User> {
  const [user] = await db
    .insert(users)
    .values({ normalizedEmail: values.email, passwordHash: "x", ...values })
    .returning();
  return user;
}

let clientSeq = 0;
/** A new client, `clientN@example.com` named "Client N" (N counts up within the test file). */
export function insertClient(db: DbOrTx, overrides: Partial<UserInsert> = {}): Promise<User> {
  const n = ++clientSeq;
  return insertUser(db, { email: `client${n}@example.com`, name: `Client ${n}`, ...overrides });
}

/** A referral code of `clientId`, stored in the display form given with its canonical form beside it. */
export async function insertCode(
  db: DbOrTx,
  clientId: number,
  code: string,
  overrides: Partial<CodeInsert> = {},
): Promise<ReferralCode> {
  const [row] = await db
    .insert(referralCodes)
    .values({ clientId, code, canonicalCode: canonicalCode(code), ...overrides })
    .returning();
  return row;
}

/** A new client signed up with `code`: the referral_usage_log row alone (no subscription, no fraud rules). */
export async function insertReferral(
  db: DbOrTx,
  code: ReferralCode,
  overrides: Partial<ReferralInsert> = {},
  referred?: User,
) {
  const referredUser = referred ?? (await insertClient(db));
  const [row] = await db
    .insert(referralUsageLog)
    .values({
      referralCodeId: code.id,
      referrerUserId: code.clientId,
      referredUserId: referredUser.id,
      codeUsed: code.code,
      ...overrides,
    })
    .returning();
  return row;
}

/** The DomainError `work` is refused with (fails the test if it succeeds or fails otherwise). */
export async function refusal(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}
