import { EmptyState } from "@/components/ui/empty-state";
import type { DashboardData } from "@/lib/queries/dashboard";
import { lastMonths, monthOf, type ReferralAnalytics } from "@/lib/queries/referral-analytics";
import { monthSchema, parseDays } from "@/lib/validation/analytics";
import { ActivityCard } from "./activity-card";
import { CommissionByMonthCard } from "./commission-by-month-card";
import { MonthlyReportCard } from "./monthly-report-card";
import { PerCodeCard } from "./per-code-card";
import { SignupsBySourceCard } from "./signups-by-source-card";

export type AnalyticsSearchParams = { days?: string | string[]; month?: string | string[] };

/** The chart window (7, 30 or 90 UTC days) and the report's month (one of the last 12) the URL asks for. */
export function analyticsPeriod(searchParams: AnalyticsSearchParams, now: Date) {
  const days = parseDays(searchParams.days);
  const months = lastMonths(now, 12);
  const asked = monthSchema.safeParse(
    Array.isArray(searchParams.month) ? searchParams.month[0] : searchParams.month,
  );
  const month = asked.success && months.includes(asked.data) ? asked.data : monthOf(now);
  return { days, month, months, monthParam: searchParams.month ? `&month=${month}` : "" };
}

/** Charts, per-code performance and the monthly report: the same read models as the analytics API. */
export function AnalyticsSection({
  analytics,
  charts,
  period,
}: {
  /** The analytics the page's headline cards show. */
  analytics: ReferralAnalytics;
  charts: DashboardData["charts"];
  period: ReturnType<typeof analyticsPeriod>;
}) {
  // Nothing has happened yet: rows of empty charts would only bury the one useful thing, which is to share.
  if (analytics.summary.total_referrals === 0 && analytics.summary.total_clicks === 0) {
    return (
      <section aria-labelledby="analytics-title" className="mb-8">
        <h2 id="analytics-title" className="mb-4 text-lg font-semibold text-ink-900">
          Performance
        </h2>
        <EmptyState
          headingLevel="h3"
          title="Your charts start with your first click"
          text="Send your invite link to a friend or share it in a post. Clicks per day, signups by channel, commission by month and your monthly report appear here as soon as someone opens it."
        />
      </section>
    );
  }
  const { days, month, months, monthParam } = period;
  const { activity, byMonth, bySource, report } = charts;

  return (
    <section aria-labelledby="analytics-title" className="mb-8">
      <h2 id="analytics-title" className="mb-4 text-lg font-semibold text-ink-900">
        Performance
      </h2>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2 [&>*]:min-w-0">
        <ActivityCard activity={activity} days={days} monthParam={monthParam} />
        <CommissionByMonthCard byMonth={byMonth} />
        <SignupsBySourceCard bySource={bySource} />
        <PerCodeCard codes={analytics.codes} />
        <MonthlyReportCard report={report} month={month} months={months} days={days} />
      </div>
    </section>
  );
}
