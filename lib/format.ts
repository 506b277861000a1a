// Presentation helpers shared by pages and API responses.

/** The seed's money strings: cents → "29.97" (exact; no floating point). */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(Math.trunc(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
/** Cents → "$29.97" for display. Integer cents divided once here, only for formatting. */
export function formatMoney(cents: number): string {
  return usd.format(cents / 100);
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
