// Small pure helpers the audit sentences share: reading loosely typed `details` safely and saying values
// the way the rest of the app does (money through formatMoney, dates in UTC, counts with their noun).
import { formatBatchTotals, formatDate, formatMoney, formatPoints } from "@/lib/format";
import { isKnownCurrency } from "@/lib/money/currencies";

export type Details = Record<string, unknown>;

/** One field that changed: "Hold period: 30 days → 45 days". */
export type AuditChange = { label: string; before: string; after: string };

export const num = (v: unknown): number | null =>
  typeof v === "number" && Number.isFinite(v)
    ? v
    : typeof v === "string" && /^-?\d+$/.test(v)
      ? Number(v)
      : null;
export const str = (v: unknown): string | null =>
  typeof v === "string" && v.trim() ? v : typeof v === "number" ? String(v) : null;
export const obj = (v: unknown): Details | null =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Details) : null;

/** "1 commission", "3 commissions", "1,250 points". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${formatPoints(n)} ${n === 1 ? noun : plural}`;
}

/**
 * A batch's `totals` detail ({"usd": 1200, "eur": 399}) as "$12.00 · €3.99"; entries written before
 * batches had per-currency totals fall back to their usd `totalCents`.
 */
export const batchMoney = (totals: unknown, totalCents: unknown): string => {
  if (totals && typeof totals === "object" && !Array.isArray(totals)) {
    const entries = Object.entries(totals as Record<string, unknown>).filter(
      ([code, v]) => isKnownCurrency(code) && num(v) !== null,
    );
    if (entries.length) return formatBatchTotals(Object.fromEntries(entries.map(([c, v]) => [c, num(v)!])));
  }
  return money(totalCents);
};

export const money = (cents: unknown): string => {
  const n = num(cents);
  return n === null ? "an unknown amount" : formatMoney(n);
};

export const day = (v: unknown): string | null => {
  const s = str(v);
  if (!s || Number.isNaN(Date.parse(s))) return null;
  return formatDate(s);
};

/** A list said in English: "A", "A and B", "A, B and C". */
export function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** A value for a before → after line: empty shows as "none", booleans as on/off. */
export function plain(v: unknown): string {
  if (v === null || v === undefined || v === "") return "none";
  if (typeof v === "boolean") return v ? "on" : "off";
  if (typeof v === "number") return formatPoints(v);
  if (typeof v === "string") return day(v) && /^\d{4}-\d{2}-\d{2}T/.test(v) ? day(v)! : v;
  return JSON.stringify(v);
}

export type FieldSpec = Record<string, { label: string; format?: (v: unknown) => string }>;

/**
 * The fields of `spec` whose value differs between before and after, each written with its label and
 * format. Fields outside the spec are compared too (so nothing changes unseen), under their own key.
 */
export function changesBetween(
  before: Details | null,
  after: Details | null,
  spec: FieldSpec,
): AuditChange[] {
  if (!before || !after) return [];
  const keys = [...new Set([...Object.keys(spec), ...Object.keys(before), ...Object.keys(after)])];
  const out: AuditChange[] = [];
  for (const key of keys) {
    if (!(key in before) && !(key in after)) continue;
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a ?? null) === JSON.stringify(b ?? null)) continue;
    const { label, format = plain } = spec[key] ?? { label: key };
    out.push({ label, before: format(a), after: format(b) });
  }
  return out;
}
