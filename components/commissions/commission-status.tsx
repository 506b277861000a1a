import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatDate } from "@/lib/format";

type Status = "pending" | "approved" | "paid" | "reversed" | "rejected";

const LABELS: Record<Status, { label: string; tone: BadgeTone }> = {
  pending: { label: "On hold", tone: "neutral" },
  approved: { label: "Approved", tone: "info" },
  paid: { label: "Paid", tone: "success" },
  reversed: { label: "Reversed", tone: "neutral" },
  rejected: { label: "Rejected", tone: "danger" },
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
  const { label, tone } = LABELS[status];
  return (
    <Badge tone={tone}>
      {status === "pending" && holdUntil ? `On hold until ${formatDate(holdUntil)}` : label}
    </Badge>
  );
}
