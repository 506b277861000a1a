import { DashboardPageSkeleton } from "../dashboard-skeletons";

export default function DashboardEarningsLoading() {
  return (
    <DashboardPageSkeleton
      sections={[
        { label: "Loading your commissions", lines: 6 },
        { label: "Loading commission by month", lines: 6 },
        { label: "Loading the monthly report" },
      ]}
    />
  );
}
