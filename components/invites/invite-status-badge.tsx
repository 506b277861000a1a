import { Badge, type BadgeTone } from "@/components/ui/badge";

// A type-only import: erased at build time, so client components can use this file.
import type { InviteStatus } from "@/lib/enums";

const STATUS: Record<InviteStatus, { label: string; tone: BadgeTone }> = {
  sent: { label: "Sent", tone: "success" },
  queued: { label: "Queued", tone: "info" },
  failed: { label: "Failed", tone: "danger" },
  skipped: { label: "Skipped", tone: "warning" },
};

/** An invite's status in words; the colour only repeats them. */
export function InviteStatusBadge({ status }: { status: InviteStatus }) {
  const { label, tone } = STATUS[status];
  return <Badge tone={tone}>{label}</Badge>;
}

/** What a queued invite means for the person who sent it. */
export const QUEUED_NOTE = "In the outbox — e-mail isn't configured on this server";
export const SENT_NOTE = "Handed to the mail server";
