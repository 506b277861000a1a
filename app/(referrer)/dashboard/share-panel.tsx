import { buttonClasses } from "@/components/ui/button";
import {
  ShareChannelLinks,
  ShareMessageField,
  ShareMessageProvider,
  ShareSheetButton,
} from "@/components/sharing/share-message";
import { CopyButton } from "@/components/ui/copy-button";
import { buildShareLinks } from "@/lib/sharing/share-links";

type SharePanelProps = {
  clientId: number;
  referrerName: string;
  code: { id: number; code: string };
  origin: string;
  offer: string | null;
};

/**
 * "Share" for one code: the tagged invite link to copy, the message to edit, the phone's share sheet and
 * one-tap links into WhatsApp, SMS, e-mail and X (all carrying the edited message), and the QR code with
 * PNG and SVG downloads. Each channel's link carries its own `src`, so the dashboard can tell
 * which channel brought each click and signup.
 *
 * The QR code is the SVG download itself, shown as a lazy image: the panel starts closed, so the browser
 * asks for it only when the referrer opens it, instead of every dashboard render computing a QR code per
 * code that is rarely looked at.
 */
export function SharePanel({ clientId, referrerName, code, origin, offer }: SharePanelProps) {
  const links = buildShareLinks({ origin, code: code.code, referrerName, offer });
  const qrDownload = `/api/clients/${clientId}/referral-codes/${code.id}/qr`;

  return (
    <details className="group mt-3 rounded-lg border border-ink-200">
      <summary
        className={buttonClasses({
          variant: "ghost",
          size: "sm",
          className: "w-full cursor-pointer justify-start rounded-lg",
        })}
      >
        <span aria-hidden className="transition-transform group-open:rotate-90">
          ▸
        </span>
        Share {code.code}
      </summary>
      <div className="grid gap-5 border-t border-ink-200 p-4 sm:grid-cols-[minmax(0,1fr)_auto]">
        <div className="min-w-0 space-y-4">
          <div>
            <p className="text-xs font-medium text-ink-500" id={`share-link-${code.id}`}>
              Invite link
            </p>
            <div className="mt-1 flex flex-wrap items-center gap-2">
              <code
                className="min-w-0 flex-1 truncate rounded bg-ink-50 px-2 py-1 text-sm text-ink-800"
                aria-labelledby={`share-link-${code.id}`}
              >
                {links.inviteLinks.link}
              </code>
              <CopyButton
                value={links.inviteLinks.link}
                label="Copy link"
                aria-label={`Copy share link for ${code.code}`}
              />
            </div>
          </div>
          <ShareMessageProvider
            defaultMessage={links.message}
            inviteLinks={links.inviteLinks}
            referrerName={referrerName}
          >
            <ShareMessageField id={`share-message-${code.id}`} rows={3} />
            <div>
              <p className="text-xs font-medium text-ink-500">Send it in one tap</p>
              <div className="mt-1">
                <ShareChannelLinks
                  about={code.code}
                  before={
                    <ShareSheetButton
                      size="sm"
                      variant="secondary"
                      label="Share…"
                      aria-label={`Share ${code.code} through your phone's share sheet`}
                    />
                  }
                />
              </div>
            </div>
          </ShareMessageProvider>
        </div>
        <figure className="flex flex-col items-center gap-2">
          {/* Not next/image: a signed-in route's SVG, nothing for the image optimizer to resize. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={`${qrDownload}?format=svg`}
            alt={`QR code for the ${code.code} invite link`}
            loading="lazy"
            width={144}
            height={144}
            className="size-36 rounded border border-ink-200 bg-white"
          />
          <figcaption className="flex gap-2">
            <a
              href={`${qrDownload}?format=png`}
              download
              className={buttonClasses({ variant: "secondary", size: "sm" })}
              aria-label={`Download QR code for ${code.code} as PNG`}
            >
              PNG
            </a>
            <a
              href={`${qrDownload}?format=svg`}
              download
              className={buttonClasses({ variant: "secondary", size: "sm" })}
              aria-label={`Download QR code for ${code.code} as SVG`}
            >
              SVG
            </a>
          </figcaption>
        </figure>
      </div>
    </details>
  );
}
