// Share links for one referral code. Pure string building (no server-only): the dashboard renders them and
// tests check them. Each channel tags the invite link with its own `src`, which /r/[code] records per click.

/** The channels a referrer can share through; each value is a `referral_source` the invite route accepts. */
export const SHARE_SOURCES = ["link", "whatsapp", "sms", "email", "social", "qr"] as const;
export type ShareSource = (typeof SHARE_SOURCES)[number];

export type ShareInput = {
  /** The app's public origin, e.g. `https://musenest.app` (no trailing slash needed). */
  origin: string;
  code: string;
  /** The referrer's display name, as the invitee would know them. */
  referrerName: string;
  /** What the invitee gets, in words (`offerText`), or null when there is no offer. */
  offer?: string | null;
};

export type ShareLinks = {
  /** The invite link per channel, e.g. `…/r/ROSE10?src=whatsapp`. */
  inviteLinks: Record<ShareSource, string>;
  /** The prefilled message (without the link) that the chat, SMS, e-mail and X links carry. */
  message: string;
  whatsapp: string;
  sms: string;
  email: string;
  x: string;
};

/** `…/r/CODE?src=channel`: the code is path-encoded so a code can never break out of its segment. */
export function inviteLink(origin: string, code: string, source: ShareSource): string {
  const base = origin.replace(/\/+$/, "");
  return `${base}/r/${encodeURIComponent(code)}?src=${source}`;
}

/** What the invitee reads: who invites them, the code to sign up with, and what they get for it. */
export function shareMessage(referrerName: string, code: string, offer?: string | null): string {
  const name = referrerName.trim() || "A friend";
  const benefit = offer ? ` and get ${offer}` : "";
  return `${name} invites you to MuseNest. Sign up with code ${code}${benefit}.`;
}

export type ChannelLinks = Pick<ShareLinks, "whatsapp" | "sms" | "email" | "x">;

/**
 * The one-tap links for a message the referrer may have edited: each carries the message and its own
 * channel's invite link (X takes the link apart from the text). An emptied message sends the link alone.
 */
export function channelLinks(
  message: string,
  inviteLinks: Record<ShareSource, string>,
  referrerName: string,
): ChannelLinks {
  const text = message.trim();
  const withLink = (source: ShareSource) => (text ? `${text} ${inviteLinks[source]}` : inviteLinks[source]);
  const subject = `${referrerName.trim() || "A friend"} invites you to MuseNest`;
  return {
    whatsapp: `https://wa.me/?text=${encodeURIComponent(withLink("whatsapp"))}`,
    // `sms:?&body=` is the form both iOS and Android messaging apps read.
    sms: `sms:?&body=${encodeURIComponent(withLink("sms"))}`,
    email: `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(withLink("email"))}`,
    x: `https://twitter.com/intent/tweet?text=${encodeURIComponent(text)}&url=${encodeURIComponent(inviteLinks.social)}`,
  };
}

export function buildShareLinks({ origin, code, referrerName, offer }: ShareInput): ShareLinks {
  const inviteLinks = Object.fromEntries(
    SHARE_SOURCES.map((source) => [source, inviteLink(origin, code, source)]),
  ) as Record<ShareSource, string>;
  const message = shareMessage(referrerName, code, offer);
  return { inviteLinks, message, ...channelLinks(message, inviteLinks, referrerName) };
}
