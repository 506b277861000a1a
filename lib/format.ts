// Presentation helpers shared by pages and API responses.
import { BASE_CURRENCY, minorUnits, normalizeCurrency } from "@/lib/money/currencies";

/**
 * The seed's money strings: minor units → "29.97" (exact; no floating point), with the currency's ISO 4217
 * minor units: 3995 eur → "39.95", 5000 jpy → "5000", 12345 kwd → "12.345".
 */
export function centsToDecimal(cents: number, currency: string = BASE_CURRENCY): string {
  const exponent = minorUnits(currency);
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(Math.trunc(cents));
  if (exponent === 0) return `${sign}${abs}`;
  const unit = 10 ** exponent;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(exponent, "0")}`;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
/**
 * Minor units → "$29.97", "€39.95", "¥5,000" for display: the one money formatter. Digits are the ISO 4217
 * minor units (not ICU's cash digits), so what is shown is exactly what is stored.
 */
export function formatMoney(cents: number, currency: string = BASE_CURRENCY): string {
  const code = normalizeCurrency(currency);
  let format = moneyFormats.get(code);
  if (!format) {
    const digits = minorUnits(code);
    format = new Intl.NumberFormat("en-US", {
      style: "currency",
      currency: code.toUpperCase(),
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    moneyFormats.set(code, format);
  }
  return format.format(cents / 10 ** minorUnits(code));
}

/** A payout batch's totals ({"usd": 1200, "eur": 399}), base currency first: "$12.00 · €3.99". */
export function formatBatchTotals(totals: Record<string, number>): string {
  return formatMoneyByCurrency(
    Object.entries(totals)
      .sort(([a], [b]) => (a === BASE_CURRENCY ? -1 : b === BASE_CURRENCY ? 1 : a.localeCompare(b)))
      .map(([currency, cents]) => ({ currency, cents })),
  );
}

/** Amounts of several currencies, one per currency, never added together: "$12.00 · €3.99". */
export function formatMoneyByCurrency(amounts: { currency: string; cents: number }[]): string {
  if (!amounts.length) return formatMoney(0);
  return amounts.map((a) => formatMoney(a.cents, a.currency)).join(" · ");
}

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return dateFormat.format(typeof value === "string" ? new Date(value) : value);
}

export function formatPercent(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return "—";
  return `${(ratio * 100).toFixed(1)}%`;
}

const integer = new Intl.NumberFormat("en-US");
/** 1250 → "1,250". */
export function formatPoints(points: number): string {
  return integer.format(points);
}

/** Time until `end`: "5 days left", "18 hours left", "under an hour left", "ended". */
export function formatTimeLeft(end: Date, now: Date): string {
  const ms = end.getTime() - now.getTime();
  if (ms <= 0) return "ended";
  const hours = Math.floor(ms / 3_600_000);
  if (hours < 1) return "under an hour left";
  if (hours < 48) return `${hours} hour${hours === 1 ? "" : "s"} left`;
  return `${Math.floor(hours / 24)} days left`;
}
