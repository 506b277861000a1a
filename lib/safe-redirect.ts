/** A same-site path to go back to after sign-in, or undefined: never an open redirect to another origin. */
export function safeCallbackUrl(value: string | null | undefined): string | undefined {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return undefined;
  // Browsers drop tabs and newlines from URLs, so "/\t/evil.test" would become "//evil.test".
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return undefined;
  return value;
}

/**
 * Where next-auth may send the browser after signing in or out: a same-site path as given, or the
 * path of an absolute URL on the configured public origin (NEXTAUTH_URL); anything else goes home.
 * The answer is always relative, so it never depends on the Host a request claimed.
 */
export function sameSiteRedirect(
  url: string,
  publicUrl: string | undefined = process.env.NEXTAUTH_URL,
): string {
  const path = safeCallbackUrl(url);
  if (path) return path;
  if (!publicUrl) return "/";
  try {
    const target = new URL(url);
    if (target.origin !== new URL(publicUrl).origin) return "/";
    return safeCallbackUrl(`${target.pathname}${target.search}${target.hash}`) ?? "/";
  } catch {
    return "/";
  }
}

/** Is this a callback URL next-auth can work with at all (a path, or an http(s) URL)? */
export function isCallbackUrlShape(value: string): boolean {
  if (value.startsWith("/")) return !/[\u0000-\u001f\u007f]/.test(value);
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}
