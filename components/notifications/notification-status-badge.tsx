import { Badge, type BadgeTone } from "@/components/ui/badge";

// A type-only import: erased at build time, so client components can use this file.
import type { NotificationStatus } from "@/lib/enums";

export const NOTIFICATION_STATUS_LABELS: Record<NotificationStatus, { label: string; tone: BadgeTone }> = {
  queued: { label: "Queued", tone: "info" },
  sending: { label: "Sending", tone: "info" },
  sent: { label: "Sent", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
  capped: { label: "Capped", tone: "warning" },
  skipped: { label: "Skipped", tone: "neutral" },
};

/** A notification's status in words; the colour only repeats them. */
export function NotificationStatusBadge({ status }: { status: NotificationStatus }) {
  const { label, tone } = NOTIFICATION_STATUS_LABELS[status];
  return <Badge tone={tone}>{label}</Badge>;
}
