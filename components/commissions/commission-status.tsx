import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatDate } from "@/lib/format";
import { moneyStateLabel } from "@/lib/money-states";

type Status = "pending" | "approved" | "paid" | "reversed" | "rejected";

const TONES: Record<Status, BadgeTone> = {
  pending: "neutral",
  approved: "info",
  paid: "success",
  reversed: "neutral",
  rejected: "danger",
};

/** A commission's state in words: on hold until a date, in review, approved, paid, reversed, rejected. */
export function CommissionStatus({
  status,
  holdUntil,
  inReview = false,
}: {
  status: Status;
  holdUntil?: Date | null;
  inReview?: boolean;
}) {
  if (status === "pending" && inReview) return <Badge tone="warning">In review</Badge>;
  const label = moneyStateLabel(status);
  return (
    <Badge tone={TONES[status]}>
      {status === "pending" && holdUntil ? `${label} until ${formatDate(holdUntil)}` : label}
    </Badge>
  );
}
