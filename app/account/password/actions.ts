"use server";

import { redirect } from "next/navigation";
import { action } from "@/lib/action";
import { homeFor } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/safe-redirect";
import { changePassword } from "@/lib/users/change-password";
import { changePasswordSchema } from "@/lib/validation/password";

export const changePasswordAction = action(
  { access: "user", schema: changePasswordSchema },
  async (input, { db, principal }) => {
    await changePassword(db, { userId: principal.user.id, ...input });
    redirect(safeCallbackUrl(input.callbackUrl) ?? `${homeFor(principal.user.role)}?passwordChanged=1`);
  },
);
