"use client";

import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import { buttonClasses, type ButtonProps } from "@/components/ui/button";
import { ShareButton } from "@/components/ui/share-button";
import { channelLinks, type ShareSource } from "@/lib/sharing/share-links";

// The message a referrer sends with their invite link, editable before sending. One provider per code
// holds the text; the field edits it and the share sheet button and the one-tap channel links read it, so
// whatever the referrer typed is what WhatsApp, SMS, e-mail, X and the phone's share sheet receive.

type ShareMessageState = {
  message: string;
  setMessage: (text: string) => void;
  defaultMessage: string;
  inviteLinks: Record<ShareSource, string>;
  referrerName: string;
};

const ShareMessageContext = createContext<ShareMessageState | null>(null);

function useShareMessage(): ShareMessageState {
  const state = useContext(ShareMessageContext);
  if (!state) throw new Error("Share message parts must sit inside <ShareMessageProvider>");
  return state;
}

export function ShareMessageProvider({
  defaultMessage,
  inviteLinks,
  referrerName,
  children,
}: {
  defaultMessage: string;
  inviteLinks: Record<ShareSource, string>;
  referrerName: string;
  children: ReactNode;
}) {
  const [message, setMessage] = useState(defaultMessage);
  const state = useMemo(
    () => ({ message, setMessage, defaultMessage, inviteLinks, referrerName }),
    [message, defaultMessage, inviteLinks, referrerName],
  );
  return <ShareMessageContext.Provider value={state}>{children}</ShareMessageContext.Provider>;
}

/** The message as an editable text area, prefilled; "Reset" brings the suggested text back. */
export function ShareMessageField({
  id,
  rows = 2,
  className,
}: {
  id: string;
  rows?: number;
  className?: string;
}) {
  const { message, setMessage, defaultMessage } = useShareMessage();
  return (
    <div className={className}>
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className="text-xs font-medium text-ink-500">
          Message — edit it before you share
        </label>
        {message !== defaultMessage ? (
          <button
            type="button"
            onClick={() => setMessage(defaultMessage)}
            className="text-xs font-medium text-brand-700 hover:underline"
          >
            Reset
          </button>
        ) : null}
      </div>
      <textarea
        id={id}
        rows={rows}
        maxLength={500}
        value={message}
        onChange={(e) => setMessage(e.target.value)}
        className="mt-1 block min-h-16 w-full resize-y rounded-lg border border-ink-300 bg-white px-3 py-2 text-sm text-ink-800 focus:border-brand-500 focus:ring-2 focus:ring-brand-200 focus:outline-none [field-sizing:content]"
      />
    </div>
  );
}

/** The phone's share sheet (navigator.share) with the current message and the plain invite link. */
export function ShareSheetButton(props: { label?: string } & Omit<ButtonProps, "onClick" | "children">) {
  const { message, inviteLinks } = useShareMessage();
  return <ShareButton title="MuseNest" text={message.trim()} url={inviteLinks.link} {...props} />;
}

const CHANNEL_LABELS = { whatsapp: "WhatsApp", sms: "SMS", email: "E-mail", x: "X" } as const;
type Channel = keyof typeof CHANNEL_LABELS;

/** One-tap links into each channel carrying the current message; `about` names what is shared, for screen readers. */
export function ShareChannelLinks({
  about,
  channels = ["whatsapp", "sms", "email", "x"],
  before,
}: {
  about: string;
  channels?: Channel[];
  /** Rendered first in the row (e.g. the share sheet button). */
  before?: ReactNode;
}) {
  const { message, inviteLinks, referrerName } = useShareMessage();
  const links = channelLinks(message, inviteLinks, referrerName);
  return (
    <ul className="flex flex-wrap gap-2">
      {before ? <li>{before}</li> : null}
      {channels.map((channel) => (
        <li key={channel}>
          <a
            href={links[channel]}
            className={buttonClasses({ variant: "secondary", size: "sm" })}
            aria-label={`Share ${about} by ${CHANNEL_LABELS[channel]}`}
            {...(channel === "whatsapp" || channel === "x"
              ? { target: "_blank", rel: "noopener noreferrer" }
              : {})}
          >
            {CHANNEL_LABELS[channel]}
          </a>
        </li>
      ))}
    </ul>
  );
}
