import { CardSkeleton, Skeleton } from "@/components/ui/skeleton";
import { DashboardHeaderSkeleton } from "./dashboard-header";

/** The headline cards' shape while the numbers load. */
export function SummarySkeleton({ cards = 4 }: { cards?: number }) {
  return (
    <div className="mb-6 grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
      {Array.from({ length: cards }, (_, i) => (
        <div key={i} className="rounded-card border border-ink-200 bg-white px-5 py-4 shadow-card">
          <Skeleton className="h-3 w-20" />
          <Skeleton className="mt-3 h-6 w-16" />
        </div>
      ))}
    </div>
  );
}

export function SectionSkeleton({ label, lines = 4 }: { label: string; lines?: number }) {
  return <CardSkeleton label={label} lines={lines} className="mb-8" />;
}

/** A dashboard page while it loads: its header with the (working) tab bar, then its cards' outlines. */
export function DashboardPageSkeleton({
  sections,
  summary,
}: {
  sections: { label: string; lines?: number }[];
  /** Headline cards before the sections, as the overview and My referrals have. */
  summary?: boolean;
}) {
  return (
    <div className="page-container" aria-busy="true">
      <DashboardHeaderSkeleton />
      {summary ? <SummarySkeleton /> : null}
      {sections.map((s) => (
        <SectionSkeleton key={s.label} label={s.label} lines={s.lines} />
      ))}
    </div>
  );
}
