import type { Metadata } from "next";
import { pageContext } from "@/lib/auth/page-context";
import { loadDashboardRewards } from "@/lib/queries/dashboard";
import { DashboardHeader } from "../dashboard-header";
import { RewardsSummary } from "../rewards-summary";

export const metadata: Metadata = { title: "Rewards" };
export const dynamic = "force-dynamic";

/** Points, badges, the next milestone and running offers; spending points is on /redeem. */
export default async function DashboardRewardsPage() {
  const { db, user } = await pageContext("/dashboard/rewards", "client");
  const now = new Date();
  const summary = await loadDashboardRewards(db, user, { now });

  return (
    <div className="page-container">
      <DashboardHeader
        title="Rewards"
        description="Points for every client you bring, badges as you grow, and rewards to spend them on."
      />
      <RewardsSummary summary={summary} now={now} />
    </div>
  );
}
