"use server";

import { redirect } from "next/navigation";
import { confirmPasswordReset } from "@/lib/accounts/password-reset";
import { action } from "@/lib/action";
import { passwordResetConfirmSchema } from "@/lib/validation/account-recovery";

/** Sets the new password with the link's token (POST /api/auth/password-reset/confirm's twin). */
export const resetPasswordAction = action(
  { access: "public", schema: passwordResetConfirmSchema },
  async (input, { db }) => {
    await confirmPasswordReset(db, { token: input.token, password: input.password });
    redirect("/login?reset=1");
  },
);
