"use server";

import { redirect } from "next/navigation";
import { action } from "@/lib/action";
import { homeFor } from "@/lib/auth/session";
import { signInAs } from "@/lib/auth/sign-in-as";
import { safeCallbackUrl } from "@/lib/safe-redirect";
import { changePassword } from "@/lib/users/change-password";
import { changePasswordSchema } from "@/lib/validation/password";

export const changePasswordAction = action(
  { access: "user", schema: changePasswordSchema },
  async (input, { db, principal }) => {
    const { sessionVersion } = await changePassword(db, { userId: principal.user.id, ...input });
    // Every other session ended with the old version; this one stays, re-issued with the new one.
    await signInAs({ ...principal.user, sessionVersion });
    redirect(safeCallbackUrl(input.callbackUrl) ?? `${homeFor(principal.user.role)}?passwordChanged=1`);
  },
);
