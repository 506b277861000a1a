import { CardSkeleton, Skeleton } from "@/components/ui/skeleton";

/** The headline cards' shape while the numbers load. */
export function SummarySkeleton() {
  return (
    <div className="mb-8 grid grid-cols-2 gap-4 sm:grid-cols-3 xl:grid-cols-6">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="rounded-card border border-ink-200 bg-white px-5 py-4 shadow-card">
          <Skeleton className="h-3 w-20" />
          <Skeleton className="mt-3 h-6 w-16" />
        </div>
      ))}
    </div>
  );
}

/** Charts and the per-code table while their queries run (they stream in after the codes). */
export function AnalyticsSkeleton() {
  return (
    <div className="mb-8 grid gap-6 lg:grid-cols-2">
      <CardSkeleton label="Loading charts" lines={8} className="lg:col-span-2" />
      <CardSkeleton label="Loading commission by month" lines={5} />
      <CardSkeleton label="Loading signups by source" lines={5} />
    </div>
  );
}

export function SectionSkeleton({ label }: { label: string }) {
  return <CardSkeleton label={label} lines={4} className="mb-8" />;
}
