import { DashboardPageSkeleton } from "../dashboard-skeletons";

export default function DashboardRewardsLoading() {
  return <DashboardPageSkeleton sections={[{ label: "Loading your points and badges", lines: 8 }]} />;
}
