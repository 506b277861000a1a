import { Skeleton } from "@/components/ui/skeleton";
import { AnalyticsSkeleton, SectionSkeleton, SummarySkeleton } from "./dashboard-skeletons";

/** Shown the moment someone opens the dashboard, until the first part of it is ready. */
export default function DashboardLoading() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6" aria-busy="true">
      <div className="mb-8">
        <Skeleton className="h-8 w-72" />
        <Skeleton className="mt-3 h-4 w-96 max-w-full" />
      </div>
      <SummarySkeleton />
      <SectionSkeleton label="Loading your referral codes" />
      <AnalyticsSkeleton />
    </div>
  );
}
