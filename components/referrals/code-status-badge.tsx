import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { CodeUsability } from "@/lib/referrals/code-usability";

/** What a viewer sees for a code: its own state, or (admins only) that its owner can't refer. */
export type CodeStatus = CodeUsability | "owner_suspended";

const STATUS: Record<CodeStatus, { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "success" },
  inactive: { label: "Inactive", tone: "neutral" },
  expired: { label: "Expired", tone: "warning" },
  used_up: { label: "Used up", tone: "warning" },
  owner_suspended: { label: "Owner suspended", tone: "danger" },
};

/** A referral code's state in words; the colour only repeats them. */
export function CodeStatusBadge({ status }: { status: CodeStatus }) {
  const { label, tone } = STATUS[status];
  return <Badge tone={tone}>{label}</Badge>;
}
