"use server";

import { confirmEmailChange } from "@/lib/accounts/change-email";
import { action } from "@/lib/action";
import { emailChangeConfirmSchema } from "@/lib/validation/account-recovery";

/**
 * Confirms a new address with the link's token. A button, not the link itself: mail scanners that open
 * every link must not confirm a change on their own.
 */
export const confirmEmailChangeAction = action(
  { access: "public", schema: emailChangeConfirmSchema },
  async (input, { db }) => {
    const { email } = await confirmEmailChange(db, { token: input.token });
    return { status: "success", message: `Done: your account's e-mail address is now ${email}.` };
  },
);
