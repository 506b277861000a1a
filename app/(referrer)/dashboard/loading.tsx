import { PageHeaderSkeleton } from "@/components/ui/skeleton";
import { AnalyticsSkeleton, SectionSkeleton, SummarySkeleton } from "./dashboard-skeletons";

/** Shown the moment someone opens the dashboard, until the first part of it is ready. */
export default function DashboardLoading() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6" aria-busy="true">
      <PageHeaderSkeleton />
      <SummarySkeleton />
      <SectionSkeleton label="Loading your referral codes" />
      <AnalyticsSkeleton />
    </div>
  );
}
