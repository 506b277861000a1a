import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { formatDate, formatPoints } from "@/lib/format";
import type { PointsHistoryEntry } from "@/lib/queries/points-history";

function signed(points: number): string {
  // 0: a take-back that found no balance to take from (all of it owed as a debt).
  if (points === 0) return "0";
  return `${points > 0 ? "+" : "−"}${formatPoints(Math.abs(points))}`;
}

/** Points history rows: what each change was for, when, whether it is held, and the signed amount. */
export function PointsHistoryList({
  entries,
  compact = false,
}: {
  entries: PointsHistoryEntry[];
  compact?: boolean;
}) {
  return (
    <ul className="divide-y divide-ink-100">
      {entries.map((entry) => (
        <li
          key={entry.id}
          className={cn("flex items-start justify-between gap-4", compact ? "px-5 py-2.5" : "px-5 py-3")}
        >
          <div className="min-w-0">
            <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm font-medium text-ink-900">
              {entry.label}
              {entry.status === "pending" ? <Badge tone="warning">{entry.statusNote}</Badge> : null}
              {entry.status === "void" ? <Badge tone="neutral">{entry.statusNote}</Badge> : null}
            </p>
            <p className="mt-0.5 text-xs break-words text-ink-500">
              {formatDate(entry.createdAt)}
              {entry.detail ? ` · ${entry.detail}` : null}
              {entry.couponCode ? (
                <>
                  {" · "}
                  <span className="font-mono text-ink-700">{entry.couponCode}</span>
                </>
              ) : null}
            </p>
          </div>
          <p
            className={cn(
              "shrink-0 text-sm font-semibold tabular-nums",
              entry.status === "void"
                ? "text-ink-500 line-through"
                : entry.status === "pending"
                  ? "text-amber-700"
                  : entry.deltaPoints > 0
                    ? "text-emerald-700"
                    : "text-ink-700",
            )}
          >
            {signed(entry.deltaPoints)}
          </p>
        </li>
      ))}
    </ul>
  );
}
