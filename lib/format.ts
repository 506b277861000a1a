// Presentation helpers shared by pages and API responses.

/** `m***@example.com`: enough to recognise, not enough to harvest. */
export function maskEmail(email: string): string {
  const [local, domain] = email.split("@");
  if (!domain) return "***";
  return `${local.slice(0, 1)}***@${domain}`;
}

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

/** `Sarah Johnson` → `S*** J.`: the leaderboard's name for referrers who have not opted in to show theirs. */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return "***";
  const first = `${[...words[0]][0].toUpperCase()}***`;
  return words.length > 1 ? `${first} ${[...words.at(-1)!][0].toUpperCase()}.` : first;
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

/** A device id shown as evidence without handing out the whole identifier: its last 8 characters. */
export function maskDeviceId(deviceId: string): string {
  return `…${deviceId.slice(-8)}`;
}
