import { DashboardPageSkeleton } from "../dashboard-skeletons";

export default function DashboardCodesLoading() {
  return (
    <DashboardPageSkeleton
      sections={[
        { label: "Loading your referral codes", lines: 8 },
        { label: "Loading e-mail invites" },
        { label: "Loading the new-code form" },
      ]}
    />
  );
}
