import { cn } from "@/components/ui/cn";

/** A labelled progress bar (role="progressbar"), e.g. points towards a reward or referrals towards a badge. */
export function ProgressBar({
  value,
  max,
  label,
  className,
  tone = "brand",
}: {
  value: number;
  max: number;
  label: string;
  className?: string;
  tone?: "brand" | "success";
}) {
  const ratio = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={Math.min(value, max)}
      className={cn("h-2 w-full overflow-hidden rounded-full bg-ink-100", className)}
    >
      <div
        className={cn("h-full rounded-full", tone === "success" ? "bg-emerald-500" : "bg-brand-600")}
        style={{ width: `${Math.round(ratio * 100)}%` }}
      />
    </div>
  );
}
