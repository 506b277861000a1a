"use server";

import { requestPasswordReset, PASSWORD_RESET_REQUESTED } from "@/lib/accounts/password-reset";
import { action } from "@/lib/action";
import { configuredAppOrigin } from "@/lib/app-url";
import { passwordResetRequestSchema } from "@/lib/validation/account-recovery";

/** The same answer whether or not the address has an account (POST /api/auth/password-reset's twin). */
export const requestPasswordResetAction = action(
  { access: "public", schema: passwordResetRequestSchema },
  async (input, { db, ip }) => {
    await requestPasswordReset(db, { email: input.email, ip, origin: configuredAppOrigin() });
    return { status: "success", message: PASSWORD_RESET_REQUESTED };
  },
);
