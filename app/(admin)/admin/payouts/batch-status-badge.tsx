import { Badge } from "@/components/ui/badge";

const STATUS = {
  open: { label: "Open", tone: "warning" },
  paid: { label: "Paid", tone: "success" },
  canceled: { label: "Canceled", tone: "neutral" },
} as const;

export function BatchStatusBadge({ status }: { status: keyof typeof STATUS }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}
