// Whether a referral code can be used right now. The public validate check, the referrer's codes table
// and the admin's client page all ask this; they differ only in how they say the answer.

export type UsabilityFields = {
  isActive: boolean;
  /** A Date, or the ISO text a page was handed; null means the code never expires. */
  expiresAt: Date | string | null;
  usageCount: number;
  usageLimit: number | null;
};

/** The code's own state. `active` is the only one a signup may use. */
export type CodeUsability = "active" | "inactive" | "expired" | "used_up";

/**
 * The code's own state at `now`, first match wins: switched off, then expired (the expiry instant
 * itself already counts), then at its usage limit. Its owner's account is a separate question
 * (`ownerCanRefer`), because callers rank the two differently.
 */
export function codeUsability(code: UsabilityFields, now: Date): CodeUsability {
  if (!code.isActive) return "inactive";
  if (code.expiresAt !== null && new Date(code.expiresAt).getTime() <= now.getTime()) return "expired";
  if (code.usageLimit !== null && code.usageCount >= code.usageLimit) return "used_up";
  return "active";
}

/** Only an active client's codes refer anyone: a suspended or inactive owner's codes don't work. */
export function ownerCanRefer(owner: { role: string; status: string }): boolean {
  return owner.role === "client" && owner.status === "active";
}
