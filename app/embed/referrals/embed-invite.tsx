import { CodeStatusBadge } from "@/components/referrals/code-status-badge";
import { CopyButton } from "@/components/ui/copy-button";
import { ShareButton } from "@/components/ui/share-button";
import type { ReferrerCode } from "@/lib/queries/referrer-overview";
import { codeUsability } from "@/lib/referrals/code-usability";
import { qrSvg } from "@/lib/sharing/referral-qr";
import { offerText, type NewClientOffer } from "@/lib/sharing/offer-text";
import { buildShareLinks } from "@/lib/sharing/share-links";

/**
 * The panel's head: what friends get (the offer in force), the main code's invite link with copy and share
 * (the share sheet, or a copy of message and link where there is none), and its QR code — the codes page's
 * QR (`src=qr` link), inlined as a data URI since the panel may call no other endpoint.
 */
export async function EmbedInvite({
  code,
  origin,
  referrerName,
  offer,
  now,
}: {
  code: ReferrerCode | null;
  origin: string;
  referrerName: string;
  offer: NewClientOffer;
  now: Date;
}) {
  const offerWords = offerText(offer);
  const intro = (
    <div>
      <h1 className="text-base font-semibold text-ink-900">Invite friends to MuseNest</h1>
      <p className="mt-0.5 text-sm text-ink-600" data-testid="embed-offer">
        {offerWords
          ? `Friends who sign up with your link get ${offerWords}.`
          : "Every friend who signs up with your link is credited to you."}
      </p>
    </div>
  );
  if (!code) {
    return (
      <div className="flex flex-col gap-2">
        {intro}
        <p className="text-sm text-ink-600">
          You have no invite code yet: create one below to get your link.
        </p>
      </div>
    );
  }
  const links = buildShareLinks({ origin, code: code.code, referrerName, offer: offerWords });
  const status = codeUsability(code, now);
  const qr = Buffer.from(await qrSvg(links.inviteLinks.qr)).toString("base64");
  return (
    <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-start">
      <div className="flex min-w-0 flex-col gap-3">
        {intro}
        <div>
          <p className="flex items-center gap-2 text-xs font-medium text-ink-600" id="embed-link-label">
            Your invite link · code <span className="font-mono text-ink-900">{code.code}</span>
            {status === "active" ? null : <CodeStatusBadge status={status} />}
          </p>
          <code
            className="mt-1 block min-w-0 truncate rounded-lg bg-ink-50 px-3 py-2 text-sm text-ink-800 ring-1 ring-ink-200"
            data-testid="embed-invite-link"
            aria-labelledby="embed-link-label"
          >
            {links.inviteLinks.link}
          </code>
          <div className="mt-2 flex gap-2">
            <CopyButton
              value={links.inviteLinks.link}
              label="Copy link"
              aria-label="Copy your invite link"
              size="md"
              className="flex-1 sm:flex-none"
            />
            <ShareButton
              title="MuseNest"
              text={links.message}
              url={links.inviteLinks.link}
              label="Share"
              aria-label="Share your invite link"
              size="md"
              className="flex-1 sm:flex-none"
            />
          </div>
        </div>
      </div>
      {/* Not next/image: a data URI computed here, nothing for the image optimizer to do. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        src={`data:image/svg+xml;base64,${qr}`}
        alt={`QR code for the ${code.code} invite link`}
        width={112}
        height={112}
        className="size-28 rounded border border-ink-200 bg-[#fff]"
      />
    </div>
  );
}
