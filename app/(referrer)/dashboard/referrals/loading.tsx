import { DashboardPageSkeleton } from "../dashboard-skeletons";

/** My referrals while its list loads (without this, the overview's own skeleton would show here). */
export default function MyReferralsLoading() {
  return <DashboardPageSkeleton summary sections={[{ label: "Loading your referrals", lines: 10 }]} />;
}
