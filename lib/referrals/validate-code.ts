import { eq } from "drizzle-orm";
import { referralCodes, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { canonicalCode, CODE_MAX_LENGTH, validateCodeFormat } from "./code-format";
import { codeUsability, ownerCanRefer, type CodeUsability, type UsabilityFields } from "./code-usability";
import type { ReferralCode } from "./create-code";

/** SPEC "Validation": the checks in order, with these exact messages. */
export const CODE_CHECK_ERRORS = {
  invalid_format: "Invalid code format",
  not_found: "Referral code not found or inactive",
  expired: "Referral code has expired",
  exhausted: "Referral code has reached its usage limit",
} as const;

export type CodeCheckFailure = keyof typeof CODE_CHECK_ERRORS;

export type CodeCheck<C = ReferralCode> =
  | { valid: true; code: C; referrer: { id: number; name: string; email: string } }
  | { valid: false; reason: CodeCheckFailure; error: (typeof CODE_CHECK_ERRORS)[CodeCheckFailure] };

/** A code as looked up by its canonical form, with its owner (what `judgeCode` decides on). */
export type FoundCode<C> = {
  code: C;
  referrer: { id: number; name: string; email: string; role: string; status: string };
};

// How each unusable state is told to the person typing the code; a switched-off code reads as unknown.
const FAILURE_FOR: Record<Exclude<CodeUsability, "active">, CodeCheckFailure> = {
  inactive: "not_found",
  expired: "expired",
  used_up: "exhausted",
};

/** A failed check with the spec's message for `reason`. */
export const failedCheck = (reason: CodeCheckFailure): CodeCheck<never> => ({
  valid: false,
  reason,
  error: CODE_CHECK_ERRORS[reason],
});

/**
 * Whether `rawCode` can be used for a signup right now, looked up by canonical form (`maya2o25` finds
 * MAYA2025). A code whose owner is no longer an active client counts as not found. This is a read:
 * the signup claims the use atomically later (the usage-count trigger), so a code that passes here
 * can still be refused there under a race.
 */
export async function checkCode(db: DbOrTx, rawCode: string, now: Date = new Date()): Promise<CodeCheck> {
  const canonical = canonicalLookupKey(rawCode);
  if (canonical === null) return failedCheck("invalid_format");
  const [found] = await db
    .select({
      code: referralCodes,
      referrer: {
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        status: users.status,
      },
    })
    .from(referralCodes)
    .innerJoin(users, eq(users.id, referralCodes.clientId))
    .where(eq(referralCodes.canonicalCode, canonical))
    .limit(1);
  return judgeCode(found, now);
}

/**
 * The form a well-formed code is looked up by, or null when `rawCode` fails the format rules (then it
 * is `invalid_format` without a lookup). Anything much longer than a code (with separators) is refused
 * before the format rules run on it.
 */
export function canonicalLookupKey(rawCode: string): string | null {
  if (rawCode.length > CODE_MAX_LENGTH * 3 || !validateCodeFormat(rawCode).valid) return null;
  return canonicalCode(rawCode);
}

/** The checks after the lookup, in the spec's order: found with an owner who can refer, then the code's state. */
export function judgeCode<C extends UsabilityFields>(
  found: FoundCode<C> | undefined,
  now: Date,
): CodeCheck<C> {
  if (!found || !ownerCanRefer(found.referrer)) return failedCheck("not_found");
  const { code, referrer } = found;
  const usability = codeUsability(code, now);
  if (usability !== "active") return failedCheck(FAILURE_FOR[usability]);
  return { valid: true, code, referrer: { id: referrer.id, name: referrer.name, email: referrer.email } };
}
