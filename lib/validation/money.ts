// Money and rates typed by people ("49.95", "12.5") parsed into integer cents and basis points by
// their digits, never through floating point.
import { z } from "zod";

const DOLLARS = /^\$?\s*(\d{1,7})(?:\.(\d{1,2}))?$/;
const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?\s*%?$/;

/** "49.95" → 4995, "$5" → 500; null when the text is not an amount. */
export function parseDollarsToCents(text: string): number | null {
  const m = DOLLARS.exec(text.trim().replace(/,/g, ""));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** "12.5" → 1250 basis points (at most 100%); null otherwise. */
export function parsePercentToBps(text: string): number | null {
  const m = PERCENT.exec(text.trim());
  if (!m) return null;
  const bps = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return bps <= 10_000 ? bps : null;
}

/** Cents → "49.95" for a form field (the inverse of parseDollarsToCents). */
export function centsToInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return "";
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

/** Basis points → "12.5" for a form field. */
export function bpsToInput(bps: number | null | undefined): string {
  if (bps === null || bps === undefined) return "";
  const fraction = String(bps % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return `${Math.trunc(bps / 100)}${fraction ? `.${fraction}` : ""}`;
}

export const dollarsField = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, { error: `${label} is required` })
    .transform((text, ctx) => {
      const cents = parseDollarsToCents(text);
      if (cents === null) {
        ctx.addIssue({ code: "custom", message: `${label} must be an amount such as 49.95` });
        return z.NEVER;
      }
      return cents;
    });

export const percentField = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, { error: `${label} is required` })
    .transform((text, ctx) => {
      const bps = parsePercentToBps(text);
      if (bps === null) {
        ctx.addIssue({ code: "custom", message: `${label} must be a percentage from 0 to 100, e.g. 12.5` });
        return z.NEVER;
      }
      return bps;
    });
