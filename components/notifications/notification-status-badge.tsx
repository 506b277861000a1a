import type { StatusBadges } from "@/components/ui/status-badge";

// A type-only import: erased at build time, so client components can use this file.
import type { NotificationStatus } from "@/lib/enums";

export const NOTIFICATION_STATUS_BADGES: StatusBadges<NotificationStatus> = {
  queued: { label: "Queued", tone: "info" },
  sending: { label: "Sending", tone: "info" },
  sent: { label: "Sent", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
  capped: { label: "Capped", tone: "warning" },
  skipped: { label: "Skipped", tone: "neutral" },
};
