import type { ZodError } from "zod";

/** `["email: Enter a valid e-mail address", …]` — the seed's `details` array. */
export function issueDetails(error: ZodError): string[] {
  return error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message));
}

/** First message per top-level field, for forms. */
export function fieldErrors(error: ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
