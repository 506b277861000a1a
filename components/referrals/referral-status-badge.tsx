import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ReferralStatus } from "@/lib/rewards/qualified-referrals";

const statuses: Record<ReferralStatus, { label: string; tone: BadgeTone }> = {
  qualified: { label: "Qualified", tone: "success" },
  awaiting_payment: { label: "Waiting for first payment", tone: "info" },
  refunded: { label: "Refunded", tone: "neutral" },
  in_review: { label: "In review", tone: "warning" },
  rejected: { label: "Rejected", tone: "danger" },
};

/** A referral's status as the referrer sees it (My referrals, the embedded panel): one wording everywhere. */
export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  return <Badge tone={statuses[status].tone}>{statuses[status].label}</Badge>;
}
