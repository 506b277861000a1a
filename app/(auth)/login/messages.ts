// Shared by the server page (errors passed back in ?error=) and the client form (signIn results).
// One message for "no such e-mail" and "wrong password", so the form can't be used to find accounts.
export const CREDENTIALS_MISMATCH = "That e-mail and password don't match an account.";
export const ACCOUNT_SUSPENDED = "This account is suspended. Contact support.";
export const SIGN_IN_FAILED = "We couldn't sign you in just now. Please try again.";

/** Message for a next-auth error code (`?error=` or `signIn()` result), or null when there is none. */
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  switch (code) {
    case "AccountSuspended":
      return ACCOUNT_SUSPENDED;
    case "CredentialsSignin":
      return CREDENTIALS_MISMATCH;
    case "SessionRequired":
      return null;
    default:
      return CREDENTIALS_MISMATCH;
  }
}
