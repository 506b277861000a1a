import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { pageContext } from "@/lib/auth/page-context";
import { loadDashboardEarnings } from "@/lib/queries/dashboard";
import { CommissionByMonthCard } from "../commission-by-month-card";
import { CommissionSummary } from "../commission-summary";
import { DashboardHeader } from "../dashboard-header";
import { MonthlyReportCard } from "../monthly-report-card";
import { reportMonth } from "../period";

export const metadata: Metadata = { title: "Earnings" };
export const dynamic = "force-dynamic";

/** What the referrer earned: the commission buckets and latest rows, commission by month, a month's report. */
export default async function DashboardEarningsPage({
  searchParams,
}: {
  searchParams: Promise<{ month?: string | string[] }>;
}) {
  const { db, user } = await pageContext("/dashboard/earnings", "client");
  const now = new Date();
  const { month, months } = reportMonth(await searchParams, now);
  const data = await loadDashboardEarnings(db, user, { now, month });
  // Nothing in any month yet: a chart of zeros and a report of dashes would only look broken.
  const nothingYet =
    data.report.total_referrals === 0 && data.byMonth.every((m) => m.signups === 0 && m.earnedCents === 0);

  return (
    <div className="page-container">
      <DashboardHeader
        title="Earnings"
        description="Your commission, from on hold to paid, month by month."
      />
      <CommissionSummary commission={data.commission} />
      {nothingYet ? (
        <EmptyState
          title="Your months start with your first referral"
          text="Signups and commission by month, and a report for each month, appear here once someone joins with your code."
          action={<ButtonLink href="/dashboard">Get your invite link</ButtonLink>}
        />
      ) : (
        <div className="grid grid-cols-1 gap-6 [&>*]:min-w-0">
          <CommissionByMonthCard byMonth={data.byMonth} />
          <MonthlyReportCard report={data.report} month={month} months={months} />
        </div>
      )}
    </div>
  );
}
