// The field vocabulary every schema in lib/validation is built from, so a new field can't forget a
// rule the database or the next reader depends on: text is trimmed, bounded and free of control
// characters (PostgreSQL refuses U+0000 outright), ids fit PostgreSQL's `integer`, cents are whole
// and bounded, dates stay inside years a human meant.
import { z } from "zod";
import { isKnownCurrency } from "@/lib/money/currencies";
import { accountEmail } from "@/lib/referrals/normalize-email";

/** Largest value of a PostgreSQL `integer` (serial ids, counters). */
export const DB_ID_MAX = 2_147_483_647;
/** Upper bound on any single amount of money: $10 billion in cents, far inside bigint and 2^53. */
export const CENTS_MAX = 1_000_000_000_000;
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

// C0 and C1 control characters; tab and newlines are allowed only where multi-line text is.
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export type TextOptions = {
  /** Smallest length after trimming; 1 (required) unless said otherwise. */
  min?: number;
  max: number;
  /** Allow line breaks and tabs (descriptions, notes). */
  multiline?: boolean;
  /** Wording a form or an API contract already shows; the defaults name `label`. */
  messages?: { type?: string; required?: string; tooLong?: string };
};

/** Trimmed text with a maximum and no control characters; `label` names the field in messages. */
export function text(label: string, { min = 1, max, multiline = false, messages = {} }: TextOptions) {
  const control = multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE;
  return z
    .string({ error: messages.type ?? `${label} must be text` })
    .trim()
    .min(min, {
      error:
        messages.required ??
        (min === 1 ? `${label} is required` : `${label} must be at least ${min} characters`),
    })
    .max(max, { error: messages.tooLong ?? `${label} must be at most ${max} characters` })
    .refine((s) => !control.test(s), { error: `${label} must not contain control characters` });
}

/** Does this string carry a character PostgreSQL or a reader would choke on? */
export function hasControlCharacters(s: string, { multiline = false } = {}): boolean {
  return (multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(s);
}

/** An e-mail address, trimmed and lower-cased, at most 254 characters (RFC 5321). */
export function email(label = "E-mail") {
  return z
    .string({ error: `${label} is required` })
    .overwrite(accountEmail)
    .max(254, { error: `${label} must be at most 254 characters` })
    .pipe(z.email({ error: `${label} must be a valid e-mail address` }));
}

/** A database id as JSON sends it: a whole number from 1 to 2^31−1. */
export function dbId(label: string) {
  const message = `${label} must be a whole number from 1 to ${DB_ID_MAX}`;
  return z
    .number({ error: message })
    .int({ error: message })
    .min(1, { error: message })
    .max(DB_ID_MAX, { error: message });
}

/** A database id from a path segment, query or form field ("42"); anything else is refused. */
export function dbIdText(label: string) {
  const message = `${label} must be a whole number from 1 to ${DB_ID_MAX}`;
  return z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,10}$/, { error: message })
    .transform(Number)
    .pipe(z.number().min(1, { error: message }).max(DB_ID_MAX, { error: message }));
}

/** Whole cents from `min` (default 0) to `max` (default CENTS_MAX). */
export function cents(label: string, { min = 0, max = CENTS_MAX }: { min?: number; max?: number } = {}) {
  return z
    .number({ error: `${label} must be a number of cents, e.g. 3995` })
    .int({ error: `${label} must be a whole number of cents, e.g. 3995 for $39.95` })
    .min(min, { error: min === 1 ? `${label} must be positive` : `${label} must be at least ${min}` })
    .max(max, { error: `${label} must be at most ${max}` });
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Is `s` a real YYYY-MM-DD day between YEAR_MIN and YEAR_MAX? */
export function isCalendarDate(s: string): boolean {
  const m = CALENDAR_DATE.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < YEAR_MIN || year > YEAR_MAX) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A calendar day "YYYY-MM-DD" between years 2000 and 2100, kept as the string. */
export function calendarDate(label: string) {
  return z
    .string({ error: `${label} must be a date such as 2025-12-01` })
    .trim()
    .refine(isCalendarDate, {
      error: `${label} must be a date such as 2025-12-01, between ${YEAR_MIN} and ${YEAR_MAX}`,
    });
}

/** An ISO 8601 date-time with offset, between years 2000 and 2100, as a Date. */
export function isoTimestamp(label: string) {
  const message = `${label} must be an ISO date-time such as 2025-12-01T12:00:00Z, between ${YEAR_MIN} and ${YEAR_MAX}`;
  return z.iso
    .datetime({ offset: true, error: message })
    .transform((s) => new Date(s))
    .refine((d) => d.getUTCFullYear() >= YEAR_MIN && d.getUTCFullYear() <= YEAR_MAX, { error: message });
}

/** Seconds since the epoch (Stripe's clock) between 2000 and 2100, as a Date. */
export function unixSeconds(label: string) {
  const lo = Date.UTC(YEAR_MIN, 0, 1) / 1000;
  const hi = Date.UTC(YEAR_MAX + 1, 0, 1) / 1000 - 1;
  const message = `${label} must be a Unix time in seconds between ${YEAR_MIN} and ${YEAR_MAX}`;
  return z
    .number({ error: message })
    .int({ error: message })
    .min(lo, { error: message })
    .max(hi, { error: message })
    .transform((s) => new Date(s * 1000));
}

/** An ISO 4217 currency code, any case ("EUR", "jpy") → stored lower case; an unknown one is named in the error. */
export function currencyCode(label = "currency") {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .toLowerCase()
    .refine((c) => isKnownCurrency(c), {
      error: (issue) => `${label} ${String(issue.input).toUpperCase()} is not an ISO 4217 currency code`,
    });
}
