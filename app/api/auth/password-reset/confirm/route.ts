import { confirmPasswordReset } from "@/lib/accounts/password-reset";
import { reply, route } from "@/lib/http";
import { passwordResetConfirmSchema } from "@/lib/validation/account-recovery";

export const dynamic = "force-dynamic";

/**
 * `POST /api/auth/password-reset/confirm` `{ token, password }` (public): 200 and every session of the account
 * ends; 400 `token_used` / `token_expired` / `token_invalid` / `weak_password` otherwise.
 */
export const POST = route({ access: "public", body: passwordResetConfirmSchema }, async ({ db, body }) => {
  await confirmPasswordReset(db, { token: body.token, password: body.password });
  return reply({ reset: true }, { message: "Your password has been changed. Sign in with the new one." });
});
