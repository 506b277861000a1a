// Code rules from SPEC "Referral codes". Pure functions: shared by the browser (live checks) and server.

/** Generated codes never use the confusable characters 0 O 1 I L. */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_MIN_LENGTH = 6;
export const CODE_MAX_LENGTH = 12;

/** Display form as stored: trimmed, upper-case, spaces turned into the `-` separator. */
export function displayCode(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, "-");
}

/**
 * Canonical form used for uniqueness and look-ups: separators dropped and confusables folded
 * (O→0, I→1, L→1), so `maya2o25`, `MAYA-2025` and `MAYA2025` are one code.
 */
export function canonicalCode(input: string): string {
  return input.toUpperCase().replace(/[-\s]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

export type CodeFormatResult = { valid: boolean; errors: string[] };

/** The seed's `validateCodeFormat`: every problem with the code's shape, empty when valid. */
export function validateCodeFormat(input: string): CodeFormatResult {
  const errors: string[] = [];
  const display = displayCode(input);
  if (!display) return { valid: false, errors: ["Code is required"] };
  if (!/^[A-Z0-9-]+$/.test(display)) errors.push("Use only letters, digits and '-' separators");
  if (/^-|-$|--/.test(display)) errors.push("Separators must sit between letters or digits");
  const length = canonicalCode(display).length;
  if (length < CODE_MIN_LENGTH || length > CODE_MAX_LENGTH) {
    errors.push(`Use ${CODE_MIN_LENGTH} to ${CODE_MAX_LENGTH} letters or digits`);
  }
  return { valid: errors.length === 0, errors };
}
