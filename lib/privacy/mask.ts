// The one place that decides how much of a person a viewer who isn't them (or an admin) may see.

/** `m***@example.com`: enough to recognise, not enough to harvest. */
export function maskEmail(email: string): string {
  const [local, domain] = email.split("@");
  if (!domain) return "***";
  return `${local.slice(0, 1)}***@${domain}`;
}

/** `Sarah Johnson` → `S*** J.`: the leaderboard's name for referrers who have not opted in to show theirs. */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return "***";
  const first = `${[...words[0]][0].toUpperCase()}***`;
  return words.length > 1 ? `${first} ${[...words.at(-1)!][0].toUpperCase()}.` : first;
}

/** A device id shown as evidence without handing out the whole identifier: its last 8 characters. */
export function maskDeviceId(deviceId: string): string {
  return `…${deviceId.slice(-8)}`;
}

/** A phone number as evidence: enough to compare two, not to call either: `…4567`. */
export function maskPhone(phone: string): string {
  return `…${phone.replace(/\D/g, "").slice(-4)}`;
}
