// E-mail normalisation lives here, in two strengths: the address an account is stored and found by,
// and the mailbox it really reaches (for catching self-referrals). Pure, so forms can use it too.

/**
 * The address as an account holds it: trimmed and lower-cased (the users_email_lower check). Every
 * schema, sign-in, signup, payment and webhook look-up goes through this, so they all find the same row.
 */
export function accountEmail(email: string): string {
  return email.trim().toLowerCase();
}

const DOT_INSENSITIVE = new Set(["gmail.com", "googlemail.com"]);

/**
 * The mailbox an address really reaches: `+tags` dropped everywhere, dots dropped where the provider
 * ignores them (Gmail), googlemail.com → gmail.com. Used to catch people referring themselves.
 */
export function normalizeEmail(email: string): string {
  const lower = accountEmail(email);
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
