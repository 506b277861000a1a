// The credentials sign-in, spoken directly to next-auth's endpoints (what next-auth/react's signIn
// does) so the form can see a 429 and its Retry-After, which signIn() would swallow.
import { tooManyAttemptsMessage } from "@/lib/auth/too-many-attempts";

export type SignInOutcome =
  { kind: "signed_in" } | { kind: "refused"; error: string | null } | { kind: "throttled"; message: string };

export async function signInWithPassword(email: string, password: string): Promise<SignInOutcome> {
  const csrf = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
  const response = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, csrfToken: csrf.csrfToken, callbackUrl: "/", json: "true" }),
    cache: "no-store",
  });
  if (response.status === 429) {
    const retryAfter = Number(response.headers.get("Retry-After"));
    return {
      kind: "throttled",
      message: tooManyAttemptsMessage(Number.isFinite(retryAfter) ? retryAfter : 900),
    };
  }
  // A 400 means the fields were refused (an e-mail that is not one): to the user, a mismatch.
  if (response.status === 400) return { kind: "refused", error: "CredentialsSignin" };
  const body = (await response.json().catch(() => ({}))) as { url?: string };
  // next-auth answers a refused sign-in with 401 and the error in the URL it would redirect to.
  if (!body.url) throw new Error(`sign-in answered ${response.status}`);
  const error = new URL(body.url, window.location.origin).searchParams.get("error");
  return error ? { kind: "refused", error } : { kind: "signed_in" };
}
