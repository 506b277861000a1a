// The invite e-mail itself, pure: what the SMTP transport sends and what the admin outbox shows are the
// same stored subject and body, built here once per invite.
import { shareMessage } from "@/lib/sharing/share-links";

export type InviteEmailInput = {
  /** The referrer's display name, as the invitee would know them. */
  referrerName: string;
  code: string;
  /** `offerText(…)`: what the invitee gets, or null when there is no offer. */
  offer: string | null;
  /** The `…/r/CODE?src=email` link, so clicks from e-mail are counted per channel. */
  link: string;
};

// Plain text only: it is what the outbox stores and shows, and what every mail client renders the same way.
export type InviteEmail = { subject: string; text: string };

export function buildInviteEmail({ referrerName, code, offer, link }: InviteEmailInput): InviteEmail {
  // A display name with a line break could otherwise forge extra headers or a misleading subject.
  const name = referrerName.replace(/\s+/g, " ").trim() || "A friend";
  const subject = `${name} invites you to MuseNest`;
  const message = shareMessage(name, code, offer);
  const text = [
    "Hi,",
    "",
    message,
    "",
    `Accept the invite: ${link}`,
    "",
    `Or sign up at MuseNest and enter the code ${code}.`,
    "",
    `You received this because ${name} entered your address. If you weren't expecting it, just ignore this e-mail.`,
  ].join("\n");
  return { subject, text };
}
