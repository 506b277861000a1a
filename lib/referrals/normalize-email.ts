const DOT_INSENSITIVE = new Set(["gmail.com", "googlemail.com"]);

/**
 * The mailbox an address really reaches: `+tags` dropped everywhere, dots dropped where the provider
 * ignores them (Gmail), googlemail.com → gmail.com. Used to catch people referring themselves.
 */
export function normalizeEmail(email: string): string {
  const lower = email.trim().toLowerCase();
  const at = lower.lastIndexOf("@");
  if (at < 1) return lower;
  let local = lower.slice(0, at).split("+")[0];
  let domain = lower.slice(at + 1);
  if (DOT_INSENSITIVE.has(domain)) {
    local = local.replace(/\./g, "");
    domain = "gmail.com";
  }
  return `${local}@${domain}`;
}

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}
