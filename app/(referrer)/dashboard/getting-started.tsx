import { Card, CardBody } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import {
  ShareChannelLinks,
  ShareMessageField,
  ShareMessageProvider,
  ShareSheetButton,
} from "@/components/sharing/share-message";
import { buildShareLinks } from "@/lib/sharing/share-links";

type GettingStartedProps = {
  referrerName: string;
  code: string;
  origin: string;
  offer: string | null;
};

/**
 * What a referrer with no referrals yet sees first: the three steps, with their invite link ready to copy
 * or send, so the first share is one tap away instead of somewhere further down the page.
 */
export function GettingStarted({ referrerName, code, origin, offer }: GettingStartedProps) {
  const links = buildShareLinks({ origin, code, referrerName, offer });
  const steps = [
    { title: "Copy your invite link", text: "It carries your code, so every signup through it is yours." },
    {
      title: "Send it to someone",
      text: offer
        ? `They get ${offer} when they join.`
        : "A friend, a client, a post: each channel is tracked.",
    },
    { title: "Watch it count", text: "Clicks, signups, points and commission show up here as they happen." },
  ];
  return (
    <Card className="mb-8 border-brand-200 bg-brand-50/40" role="region" aria-labelledby="getting-started">
      <CardBody className="px-5 py-5">
        <h2 id="getting-started" className="text-lg font-semibold text-ink-900">
          Get your first referral
        </h2>
        <ol className="mt-4 grid gap-4 sm:grid-cols-3">
          {steps.map((step, i) => (
            <li key={step.title} className="flex gap-3">
              <span
                aria-hidden="true"
                className="flex size-7 shrink-0 items-center justify-center rounded-full bg-brand-600 text-sm font-semibold text-white"
              >
                {i + 1}
              </span>
              <div>
                <p className="font-medium text-ink-900">{step.title}</p>
                <p className="text-sm text-ink-600">{step.text}</p>
              </div>
            </li>
          ))}
        </ol>
        <p className="mt-5 text-sm text-ink-600">
          Your code <span className="font-mono font-semibold text-ink-900">{code}</span>, in your invite link:
        </p>
        <ShareMessageProvider
          defaultMessage={links.message}
          inviteLinks={links.inviteLinks}
          referrerName={referrerName}
        >
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code className="max-w-full min-w-0 truncate rounded bg-white px-2 py-1.5 text-sm text-ink-800 ring-1 ring-ink-200">
              {links.inviteLinks.link}
            </code>
            <CopyButton value={links.inviteLinks.link} label="Copy link" aria-label="Copy your invite link" />
          </div>
          <ShareMessageField id="first-invite-message" className="mt-3 max-w-2xl" />
          <div className="mt-2">
            <ShareChannelLinks
              about="your invite link"
              channels={["whatsapp", "sms", "email"]}
              before={<ShareSheetButton size="sm" aria-label="Share your invite link" />}
            />
          </div>
        </ShareMessageProvider>
      </CardBody>
    </Card>
  );
}
