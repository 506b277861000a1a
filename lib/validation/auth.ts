import { z } from "zod";
import {
  checkPasswordStrength,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from "@/lib/auth/password-strength";
import { accountEmail } from "@/lib/referrals/normalize-email";
import { isCallbackUrlShape } from "@/lib/safe-redirect";
import { email } from "./fields";

export const emailSchema = z
  .string({ error: "E-mail is required" })
  .overwrite(accountEmail)
  .pipe(z.email({ error: "Enter a valid e-mail address" }).max(254, { error: "E-mail is too long" }));

export const credentialsSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { error: "Password is required" }).max(200),
});

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: `Use at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(PASSWORD_MAX_LENGTH, { error: `Use at most ${PASSWORD_MAX_LENGTH} characters` });

/**
 * For a form with `name`, `email` and a new password in `field`: refuses a password that is easy to
 * guess for this person (lib/auth/password-strength.ts, the same check the form runs as they type).
 */
export function strongPasswordFor(field: string) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const password = value[field];
    if (typeof password !== "string") return;
    if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) return;
    const owner = { name: String(value.name ?? ""), email: String(value.email ?? "") };
    const verdict = checkPasswordStrength(password, owner);
    if (!verdict.ok)
      ctx.addIssue({ code: "custom", path: [field], message: verdict.message ?? "Too easy to guess" });
  };
}

// The form fields next-auth's own endpoints take (POST /api/auth/*, form-encoded), checked before
// next-auth sees them so bad input is a 400 with a reason instead of a 500 from inside it.
const callbackUrlField = z
  .string()
  .max(2000, { error: "callbackUrl must be at most 2000 characters" })
  .refine(isCallbackUrlShape, { error: "callbackUrl must be a path on this site, such as /dashboard" });
/** next-auth's `?error=` codes are words such as CredentialsSignin; it echoes them into a Location header. */
const authErrorField = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "error must be a sign-in error code such as CredentialsSignin" });
const csrfTokenField = z
  .string({ error: "csrfToken is required" })
  .min(1, { error: "csrfToken is required" })
  .max(200, { error: "csrfToken must be at most 200 characters" });
const flagField = z.enum(["true", "false"], { error: "must be true or false" });

/** POST /api/auth/callback/credentials. */
export const credentialsCallbackSchema = z.object({
  email: email("email"),
  password: z
    .string({ error: "password is required" })
    .min(1, { error: "password is required" })
    .max(200, { error: "password must be at most 200 characters" }),
  csrfToken: csrfTokenField,
  callbackUrl: callbackUrlField.optional(),
  json: flagField.optional(),
  redirect: flagField.optional(),
});

/** The other POSTs (signout, session update, signin, _log): only the fields we know are checked. */
export const authPostSchema = z.looseObject({
  csrfToken: csrfTokenField.optional(),
  callbackUrl: callbackUrlField.optional(),
  json: flagField.optional(),
});

export { authErrorField, callbackUrlField };
