import { cn } from "./cn";

/** A grey placeholder block that pulses while its content loads (still, for reduced motion). */
export function Skeleton({ className }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={cn("animate-pulse rounded-md bg-ink-100 motion-reduce:animate-none", className)}
    />
  );
}

/** A card-shaped placeholder with a title bar and `lines` rows, announced once as loading. */
export function CardSkeleton({
  label,
  lines = 3,
  className,
}: {
  label: string;
  lines?: number;
  className?: string;
}) {
  return (
    <div
      role="status"
      aria-label={label}
      className={cn("rounded-card border border-ink-200 bg-white px-5 py-4 shadow-card", className)}
    >
      <Skeleton className="h-4 w-40" />
      <div className="mt-4 space-y-3">
        {Array.from({ length: lines }, (_, i) => (
          <Skeleton key={i} className={cn("h-3", i % 3 === 2 ? "w-2/3" : "w-full")} />
        ))}
      </div>
    </div>
  );
}

/** A page's title and description while the page loads (PageHeader's shape; `className` replaces mb-8). */
export function PageHeaderSkeleton({ className }: { className?: string }) {
  return (
    <div className={className ?? "mb-8"}>
      <Skeleton className="h-8 w-64" />
      <Skeleton className="mt-3 h-4 w-96 max-w-full" />
    </div>
  );
}
