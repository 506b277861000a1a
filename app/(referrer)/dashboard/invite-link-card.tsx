import Link from "next/link";
import { CodeStatusBadge } from "@/components/referrals/code-status-badge";
import {
  ShareMessageField,
  ShareMessageProvider,
  ShareSheetButton,
} from "@/components/sharing/share-message";
import { Card, CardBody } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { codeUsability } from "@/lib/referrals/code-usability";
import type { ReferrerCode } from "@/lib/queries/referrer-overview";
import { buildShareLinks } from "@/lib/sharing/share-links";

/**
 * The overview's first card: the main code's invite link, to copy or send through the phone's share sheet
 * with a message the referrer can edit first, and the way to every other code, QR codes and e-mail
 * invites. Kept short so that on a phone the Share button is on the first screen.
 */
export function InviteLinkCard({
  code,
  codeCount,
  origin,
  referrerName,
  offer,
  now,
}: {
  code: ReferrerCode;
  codeCount: number;
  origin: string;
  referrerName: string;
  offer: string | null;
  now: Date;
}) {
  const links = buildShareLinks({ origin, code: code.code, referrerName, offer });
  const status = codeUsability(code, now);
  return (
    <Card className="mb-6" role="region" aria-labelledby="invite-link">
      <CardBody>
        <ShareMessageProvider
          defaultMessage={links.message}
          inviteLinks={links.inviteLinks}
          referrerName={referrerName}
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="invite-link" className="text-base font-semibold text-ink-900">
              Your invite link
            </h2>
            <p className="flex items-center gap-2 text-sm text-ink-600">
              Code <span className="font-mono font-semibold text-ink-900">{code.code}</span>
              {status === "active" ? null : <CodeStatusBadge status={status} />}
            </p>
          </div>
          <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-center">
            <code
              className="min-w-0 truncate rounded-lg bg-ink-50 px-3 py-2 text-sm text-ink-800 ring-1 ring-ink-200 sm:flex-1"
              data-testid="invite-link"
            >
              {links.inviteLinks.link}
            </code>
            <div className="flex gap-2">
              <CopyButton
                value={links.inviteLinks.link}
                label="Copy link"
                aria-label="Copy your invite link"
                size="md"
                className="flex-1 sm:flex-none"
              />
              <ShareSheetButton
                label="Share"
                aria-label="Share your invite link"
                size="md"
                className="flex-1 sm:flex-none"
              />
            </div>
          </div>
          {status === "active" ? <ShareMessageField id="invite-message" className="mt-3" /> : null}
          <p className="mt-3 text-sm text-ink-600">
            {status === "active" ? null : "This code can't be used right now. "}
            <Link
              href="/dashboard/codes"
              className="font-medium whitespace-nowrap text-brand-700 underline-offset-4 hover:underline"
            >
              {codeCount > 1 ? `All ${codeCount} codes, QR & e-mail invites →` : "QR code & e-mail invites →"}
            </Link>
          </p>
        </ShareMessageProvider>
      </CardBody>
    </Card>
  );
}
