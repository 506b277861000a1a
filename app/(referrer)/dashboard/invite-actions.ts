"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { appOrigin } from "@/lib/app-url";
import { sendEmailInvites, type InviteStatus } from "@/lib/invites/send-email-invites";
import { emailInvitesSchema } from "@/lib/validation/email-invites";

const SUMMARY_LABELS: Record<InviteStatus, string> = {
  sent: "sent",
  queued: "in the outbox",
  failed: "failed",
  skipped: "skipped",
};

/** A client invites people by e-mail with one of their own codes; each address gets its own status. */
export const sendEmailInvitesAction = action(
  { access: "client", schema: emailInvitesSchema },
  async (input, { db, principal }) => {
    // The sender is always the signed-in client; the code's ownership is checked inside the transaction.
    const outcome = await sendEmailInvites(db, {
      referrerUserId: principal.user.id,
      codeId: input.codeId,
      addresses: input.addresses,
      now: new Date(),
      origin: await appOrigin(),
    });
    revalidatePath("/dashboard", "layout"); // the overview and every dashboard tab
    const summary = (Object.keys(SUMMARY_LABELS) as InviteStatus[])
      .map((status) => ({
        n: outcome.results.filter((r) => r.status === status).length,
        label: SUMMARY_LABELS[status],
      }))
      .filter(({ n }) => n > 0)
      .map(({ n, label }) => `${n} ${label}`)
      .join(", ");
    return {
      status: "success",
      message: `Invites: ${summary}.`,
      data: { results: outcome.results, remainingToday: outcome.remainingToday },
    };
  },
);
