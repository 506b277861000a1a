/** A same-site path to go back to after sign-in, or undefined: never an open redirect to another origin. */
export function safeCallbackUrl(value: string | null | undefined): string | undefined {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return undefined;
  // Browsers drop tabs and newlines from URLs, so "/\t/evil.test" would become "//evil.test".
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return undefined;
  return value;
}
