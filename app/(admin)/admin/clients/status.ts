import type { BadgeTone } from "@/components/ui/badge";

/** How a client's account status is shown. */
export function statusTone(status: "active" | "suspended" | "inactive"): BadgeTone {
  return status === "active" ? "success" : status === "suspended" ? "danger" : "neutral";
}
