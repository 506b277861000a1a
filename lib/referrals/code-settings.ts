// The owner-editable settings of a code, checked the same way on create and update. The zod schemas
// in lib/validation/referral-codes.ts say the same for forms and routes; these hold for every caller.
import { DomainError } from "@/lib/errors";

export const CODE_NAME_MAX_LENGTH = 100;
// usage_limit is an int4 column.
export const USAGE_LIMIT_MAX = 2_147_483_647;

export type CodeSettings = {
  codeName?: string | null;
  usageLimit?: number | null;
  expiresAt?: Date | null;
};

/** Normalized settings (names trimmed, empty → null); only the keys that were given. */
export function checkedCodeSettings(input: CodeSettings, now: Date): CodeSettings {
  const out: CodeSettings = {};
  if (input.codeName !== undefined) {
    const name = input.codeName?.trim() || null;
    if (name && name.length > CODE_NAME_MAX_LENGTH) {
      throw new DomainError(
        "invalid_code_name",
        `Code name must be at most ${CODE_NAME_MAX_LENGTH} characters`,
        {
          field: "code_name",
        },
      );
    }
    out.codeName = name;
  }
  if (input.usageLimit !== undefined) {
    const limit = input.usageLimit;
    if (limit !== null && (!Number.isInteger(limit) || limit < 1 || limit > USAGE_LIMIT_MAX)) {
      throw new DomainError(
        "invalid_usage_limit",
        "Usage limit must be a whole number of at least 1 (or empty for unlimited)",
        {
          field: "usage_limit",
        },
      );
    }
    out.usageLimit = limit;
  }
  if (input.expiresAt !== undefined) {
    const expiresAt = input.expiresAt;
    if (expiresAt !== null && Number.isNaN(expiresAt.getTime())) {
      throw new DomainError("invalid_expiry", "Expiry date is not a valid date", { field: "expires_at" });
    }
    if (expiresAt !== null && expiresAt.getTime() <= now.getTime()) {
      throw new DomainError("invalid_expiry", "Expiry date must be in the future", { field: "expires_at" });
    }
    out.expiresAt = expiresAt;
  }
  return out;
}
