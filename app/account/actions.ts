"use server";

import { redirect } from "next/navigation";
import { requestEmailChange } from "@/lib/accounts/change-email";
import { signOutEverywhere } from "@/lib/accounts/session-version";
import { action } from "@/lib/action";
import { configuredAppOrigin } from "@/lib/app-url";
import { clearSessionCookie } from "@/lib/auth/sign-in-as";
import { emailChangeRequestSchema, signOutEverywhereSchema } from "@/lib/validation/account-recovery";

/** Sends a confirmation link to the new address; the account keeps the old one until it is used. */
export const requestEmailChangeAction = action(
  { access: "user", schema: emailChangeRequestSchema },
  async (input, { db, principal }) => {
    await requestEmailChange(db, { userId: principal.user.id, ...input, origin: configuredAppOrigin() });
    return {
      status: "success",
      message: `We sent a confirmation link to ${input.newEmail}. Your address changes when you open it (within 24 hours).`,
    };
  },
);

/** Ends every session of the account, this one included. */
export const signOutEverywhereAction = action(
  { access: "user", schema: signOutEverywhereSchema },
  async (input, { db, principal }) => {
    await signOutEverywhere(db, { userId: principal.user.id, currentPassword: input.currentPassword });
    await clearSessionCookie();
    redirect("/login?signedOut=everywhere");
  },
);
