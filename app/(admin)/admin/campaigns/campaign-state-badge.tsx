import { Badge } from "@/components/ui/badge";
import type { CampaignState } from "@/lib/queries/campaigns";

const STATES: Record<CampaignState, { label: string; tone: "success" | "info" | "neutral" }> = {
  running: { label: "Running", tone: "success" },
  scheduled: { label: "Scheduled", tone: "info" },
  ended: { label: "Ended", tone: "neutral" },
};

export function CampaignStateBadge({ state }: { state: CampaignState }) {
  return <Badge tone={STATES[state].tone}>{STATES[state].label}</Badge>;
}
