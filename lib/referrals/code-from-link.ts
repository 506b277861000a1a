import { validateCodeFormat } from "./code-format";

/** How much of a malformed code from a link or cookie is kept: enough to show the typo on the form. */
export const LINK_CODE_MAX_LENGTH = 20;

/**
 * The referral code an invite link (`/r/CODE`, `/signup?ref=`) or the invite cookie carries, cut to a
 * sane length before it reaches a redirect, a look-up or the signup form. Anyone can put anything in a
 * link, and a mangled one must still land on signup, so this never refuses: a well-formed code is kept
 * whole (with separators it can run past 20 characters), anything else keeps its first 20.
 */
export function codeFromLink(raw: string): string {
  return validateCodeFormat(raw).valid ? raw : raw.slice(0, LINK_CODE_MAX_LENGTH);
}
