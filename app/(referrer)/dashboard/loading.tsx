import { CardSkeleton } from "@/components/ui/skeleton";
import { DashboardHeaderSkeleton } from "./dashboard-header";
import { SummarySkeleton } from "./dashboard-skeletons";

/** Shown the moment someone opens the dashboard, until the overview is ready: the same shape, in grey. */
export default function DashboardLoading() {
  return (
    <div className="page-container" aria-busy="true">
      <DashboardHeaderSkeleton />
      <CardSkeleton label="Loading your invite link" lines={2} className="mb-6" />
      <SummarySkeleton />
      <CardSkeleton label="Loading the chart" lines={8} className="mb-6" />
    </div>
  );
}
