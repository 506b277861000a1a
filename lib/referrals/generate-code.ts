// Code candidates from SPEC "Referral codes" and the seed's "Code Generation Rules". Pure apart from the
// random source: callers check availability (suggest-codes.ts, create-code.ts).
import { randomInt } from "node:crypto";
import { CODE_ALPHABET, CODE_MAX_LENGTH, CODE_MIN_LENGTH } from "./code-format";

export const RANDOM_CODE_PREFIX = "REF";
export const BRAND_PREFIX = "MUSE";

/**
 * `REF8H92N`: the prefix followed by random characters from CODE_ALPHABET (no 0 O 1 I L), `length`
 * characters in all. node:crypto's randomInt is uniform, so every character is equally likely.
 */
export function randomCode(length = 8, prefix = RANDOM_CODE_PREFIX): string {
  const randomPart = length - prefix.length;
  if (!Number.isInteger(length) || length < CODE_MIN_LENGTH || length > CODE_MAX_LENGTH) {
    throw new RangeError(`Code length must be ${CODE_MIN_LENGTH} to ${CODE_MAX_LENGTH}, got ${length}`);
  }
  if (!/^[A-Z0-9]*$/.test(prefix) || randomPart < 1) {
    throw new RangeError(`Prefix "${prefix}" must be upper-case letters or digits shorter than the code`);
  }
  let code = prefix;
  for (let i = 0; i < randomPart; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** `José-María O'Neil` → `JOSE`: the first word, accents dropped, letters A–Z only, upper-case. */
function firstWordLetters(text: string): string {
  const firstWord = text.trim().split(/\s+/)[0] ?? "";
  return lettersOnly(firstWord);
}

function lettersOnly(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z]/g, "");
}

/**
 * `base + suffix`, the base cut so the whole stays within 12 characters; null when even the whole
 * would be shorter than 6 (`AL` + `25`): such candidates are skipped, not padded with noise.
 */
function withSuffix(base: string, suffix: string): string | null {
  if (!base) return null;
  const code = base.slice(0, CODE_MAX_LENGTH - suffix.length) + suffix;
  return code.length >= CODE_MIN_LENGTH ? code : null;
}

const years = (now: Date) => {
  const full = String(now.getUTCFullYear());
  return { full, short: full.slice(-2) };
};

const present = (codes: (string | null)[]): string[] => [...new Set(codes.filter((c) => c !== null))];

/** Maya (2025) → `MAYA2025`, `MAYA25`, `MAYAVIP`, in that order of preference. */
export function nameCandidates(name: string, now: Date): string[] {
  const base = firstWordLetters(name);
  const { full, short } = years(now);
  return present([withSuffix(base, full), withSuffix(base, short), withSuffix(base, "VIP")]);
}

/** amanda@example.com (2025) → `AMANDA25`, `AMANDA2025`: the local part (before any `+tag`), letters only. */
export function emailCandidates(email: string, now: Date): string[] {
  const local = email.split("@")[0]?.split("+")[0] ?? "";
  const base = lettersOnly(local);
  const { full, short } = years(now);
  return present([withSuffix(base, short), withSuffix(base, full)]);
}

/** 2025 → `MUSE2025`. */
export function brandCandidates(now: Date): string[] {
  return [`${BRAND_PREFIX}${years(now).full}`];
}

/** `MUSE25` + four random characters (`MUSE25K7QH`): the brand with numbers, for when MUSE2025 is taken. */
export function randomBrandCode(now: Date): string {
  return randomCode(10, `${BRAND_PREFIX}${years(now).short}`);
}
