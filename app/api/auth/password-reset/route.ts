import { requestPasswordReset, PASSWORD_RESET_REQUESTED } from "@/lib/accounts/password-reset";
import { configuredAppOrigin } from "@/lib/app-url";
import { reply, route } from "@/lib/http";
import { passwordResetRequestSchema } from "@/lib/validation/account-recovery";

export const dynamic = "force-dynamic";

/**
 * `POST /api/auth/password-reset` `{ email }` (public): 202 with the same body whether or not the address has
 * an account; 429 when the address or the caller asked too often.
 */
export const POST = route(
  { access: "public", body: passwordResetRequestSchema },
  async ({ db, body, ip }) => {
    await requestPasswordReset(db, { email: body.email, ip, origin: configuredAppOrigin() });
    return reply({ requested: true }, { status: 202, message: PASSWORD_RESET_REQUESTED });
  },
);
