import { StatusBadge, type StatusBadges } from "@/components/ui/status-badge";

// A type-only import: erased at build time, so client components can use this file.
import type { InviteStatus } from "@/lib/enums";

/** Invites' and account e-mails' statuses (they share the outbox's four). */
export const INVITE_STATUS_BADGES: StatusBadges<InviteStatus> = {
  sent: { label: "Sent", tone: "success" },
  queued: { label: "Queued", tone: "info" },
  failed: { label: "Failed", tone: "danger" },
  skipped: { label: "Skipped", tone: "warning" },
};

/** An invite's status in words; the colour only repeats them. */
export function InviteStatusBadge({ status }: { status: InviteStatus }) {
  return <StatusBadge badges={INVITE_STATUS_BADGES} status={status} />;
}

/** What a queued invite means for the person who sent it. */
export const QUEUED_NOTE = "In the outbox — e-mail isn't configured on this server";
export const SENT_NOTE = "Handed to the mail server";
