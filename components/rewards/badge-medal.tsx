import { cn } from "@/components/ui/cn";

export type BadgeKind = "bronze" | "silver" | "gold";

const styles: Record<BadgeKind, { pill: string; disc: string }> = {
  bronze: { pill: "bg-orange-50 text-orange-900 ring-orange-300", disc: "fill-orange-400 stroke-orange-700" },
  silver: { pill: "bg-ink-100 text-ink-800 ring-ink-300", disc: "fill-ink-300 stroke-ink-600" },
  gold: { pill: "bg-yellow-50 text-yellow-900 ring-yellow-400", disc: "fill-yellow-400 stroke-yellow-700" },
};

const names: Record<BadgeKind, string> = { bronze: "Bronze", silver: "Silver", gold: "Gold" };

/** A referrer badge: a small medal and its name. The name carries the meaning; the colour repeats it. */
export function BadgeMedal({
  badge,
  size = "sm",
  className,
}: {
  badge: BadgeKind;
  size?: "sm" | "lg";
  className?: string;
}) {
  const style = styles[badge];
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full font-semibold whitespace-nowrap ring-1 ring-inset",
        size === "lg" ? "px-3 py-1 text-sm" : "px-2 py-0.5 text-xs",
        style.pill,
        className,
      )}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true" className={size === "lg" ? "size-4" : "size-3.5"}>
        <path d="M5 1h2l1 4-3-.5zM11 1H9L8 5l3-.5z" className="fill-current opacity-60" />
        <circle cx="8" cy="10" r="4.5" strokeWidth="1.2" className={style.disc} />
      </svg>
      {names[badge]}
    </span>
  );
}
