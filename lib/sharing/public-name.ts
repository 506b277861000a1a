// How a referrer is named to people who aren't signed in (a link preview travels beyond the chat it was
// pasted into): the first name and the last name's initial, never the e-mail or the full surname.

/** "Sarah Johnson" → "Sarah J.", "Maya" → "Maya", "Mary Ann van der Berg" → "Mary B.", "" → "A friend". */
export function publicReferrerName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return "A friend";
  if (words.length === 1) return words[0];
  const last = words[words.length - 1];
  return `${words[0]} ${last[0].toLocaleUpperCase("en-US")}.`;
}
