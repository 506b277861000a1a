import Link from "next/link";
import { BarListChart } from "@/components/charts/bar-list-chart";
import { chartColors } from "@/components/charts/chart-theme";
import { BarLineChart } from "@/components/charts/bar-line-chart";
import { CLICKS_LINE, COMMISSION_LINE, SIGNUPS_BARS } from "@/components/charts/series";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkPending } from "@/components/ui/link-pending";
import { StatCard } from "@/components/ui/stat-card";
import { RowHeader, Table, TableBody, TableHead, TableScroll, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { formatPercent } from "@/lib/format";
import {
  getDailyActivity,
  getMonthlyCommission,
  getMonthlyReport,
  getSignupsBySource,
  lastMonths,
  monthOf,
  type ReferralAnalytics,
} from "@/lib/queries/referral-analytics";
import { monthSchema, parseDays } from "@/lib/validation/analytics";

const dayLabel = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const monthLabel = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
const shortMonth = new Intl.DateTimeFormat("en-US", { month: "short", year: "2-digit", timeZone: "UTC" });
const SOURCES: Record<string, string> = {
  link: "Link",
  email: "E-mail",
  sms: "SMS",
  whatsapp: "WhatsApp",
  qr: "QR",
  social: "Social",
  manual: "Typed code",
  api: "API",
};

export type AnalyticsSearchParams = { days?: string | string[]; month?: string | string[] };

/** Charts, per-code performance and the monthly report: the same queries as the analytics API. */
export async function AnalyticsSection({
  userId,
  now,
  analytics,
  searchParams,
}: {
  userId: number;
  now: Date;
  /** `getReferralAnalytics` as the page already loaded it for its headline cards. */
  analytics: ReferralAnalytics;
  searchParams: AnalyticsSearchParams;
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
  const days = parseDays(searchParams.days);
  const months = lastMonths(now, 12);
  const asked = monthSchema.safeParse(
    Array.isArray(searchParams.month) ? searchParams.month[0] : searchParams.month,
  );
  const month = asked.success && months.includes(asked.data) ? asked.data : monthOf(now);
  const db = await getDb();
  const [activity, byMonth, bySource, report] = await Promise.all([
    getDailyActivity(db, userId, days, now),
    getMonthlyCommission(db, userId, now, 12),
    getSignupsBySource(db, userId),
    getMonthlyReport(db, userId, month, now),
  ]);
  const monthParam = searchParams.month ? `&month=${month}` : "";

  return (
    <section aria-labelledby="analytics-title" className="mb-8">
      <h2 id="analytics-title" className="mb-4 text-lg font-semibold text-ink-900">
        Performance
      </h2>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2 [&>*]:min-w-0">
        <Card className="lg:col-span-2" role="region" aria-labelledby="activity-title">
          <CardHeader className="gap-3 sm:flex-row sm:items-center sm:justify-between">
            <div>
              <CardTitle id="activity-title">Clicks and signups per day</CardTitle>
              <CardDescription>Last {days} days, UTC.</CardDescription>
            </div>
            <nav aria-label="Chart period" className="flex gap-1 rounded-lg bg-ink-50 p-1 text-sm">
              {([7, 30, 90] as const).map((d) => (
                <Link
                  key={d}
                  href={`/dashboard?days=${d}${monthParam}`}
                  scroll={false}
                  aria-current={d === days ? "page" : undefined}
                  className={
                    d === days
                      ? "rounded-md bg-white px-3 py-1 font-medium text-ink-900 shadow-sm"
                      : "rounded-md px-3 py-1 text-ink-600 hover:text-ink-900"
                  }
                >
                  {d} days
                  <LinkPending />
                </Link>
              ))}
            </nav>
          </CardHeader>
          <CardBody>
            <div data-testid="activity-chart" data-days={days}>
              <BarLineChart
                height={240}
                bar={SIGNUPS_BARS}
                line={CLICKS_LINE}
                data={activity.map((p) => ({
                  label: dayLabel.format(new Date(`${p.date}T00:00:00Z`)),
                  clicks: p.clicks,
                  signups: p.signups,
                }))}
              />
            </div>
            <p className="mt-2 text-sm text-ink-600" data-testid="activity-totals">
              {activity.reduce((n, p) => n + p.clicks, 0)} clicks ·{" "}
              {activity.reduce((n, p) => n + p.signups, 0)} signups in the last {days} days
            </p>
          </CardBody>
        </Card>

        <Card role="region" aria-labelledby="commission-month-title">
          <CardHeader>
            <CardTitle id="commission-month-title">Commission by month</CardTitle>
            <CardDescription>Signups and direct commission earned, last 12 months.</CardDescription>
          </CardHeader>
          <CardBody>
            <BarLineChart
              bar={SIGNUPS_BARS}
              line={COMMISSION_LINE}
              data={byMonth.map((m) => ({
                label: shortMonth.format(new Date(`${m.month}-01T00:00:00Z`)),
                signups: m.signups,
                commissionDollars: m.earnedCents / 100,
              }))}
            />
          </CardBody>
        </Card>

        <Card role="region" aria-labelledby="source-title">
          <CardHeader>
            <CardTitle id="source-title">Signups by source</CardTitle>
            <CardDescription>Which channel brought each signup, all time.</CardDescription>
          </CardHeader>
          <CardBody>
            {bySource.length ? (
              <BarListChart
                valueLabel="Signups"
                color={chartColors.accent}
                data={bySource.map((s) => ({ label: SOURCES[s.source] ?? s.source, value: s.signups }))}
              />
            ) : (
              <EmptyState
                headingLevel="h4"
                className="py-8"
                title="No signups yet"
                text="Share your link by WhatsApp, SMS, e-mail or QR: each channel gets its own bar."
              />
            )}
          </CardBody>
        </Card>

        <Card className="lg:col-span-2" role="region" aria-labelledby="per-code-title">
          <CardHeader>
            <CardTitle id="per-code-title">How each code performs</CardTitle>
          </CardHeader>
          {/* Scrolls sideways on a phone; focusable so a keyboard can scroll it too. */}
          <TableScroll aria-label="Per-code performance table">
            <Table className="min-w-[40rem] whitespace-nowrap">
              <TableHead unstyled className="bg-ink-50 text-xs text-ink-600 uppercase">
                <tr>
                  <Th unstyled className="px-5 py-2">
                    Code
                  </Th>
                  <Th unstyled align="right" className="px-5 py-2">
                    Clicks
                  </Th>
                  <Th unstyled align="right" className="px-5 py-2">
                    Signups
                  </Th>
                  <Th unstyled align="right" className="px-5 py-2">
                    Last 7 / 30 days
                  </Th>
                  <Th unstyled align="right" className="px-5 py-2">
                    Conversion
                  </Th>
                  <Th unstyled align="right" className="px-5 py-2">
                    Earned
                  </Th>
                </tr>
              </TableHead>
              <TableBody>
                {analytics.codes.map((c) => (
                  <tr key={c.id}>
                    <RowHeader dense className="font-mono text-ink-900">
                      {c.code}
                      {c.code_name ? (
                        <span className="block font-sans text-xs font-normal text-ink-500">
                          {c.code_name}
                        </span>
                      ) : null}
                    </RowHeader>
                    <Td dense numeric>
                      {c.clicks}
                    </Td>
                    <Td dense numeric>
                      {c.total_signups}
                    </Td>
                    <Td dense numeric>
                      {c.signups_last_7_days} / {c.signups_last_30_days}
                    </Td>
                    <Td dense numeric>
                      {formatPercent(c.conversion_rate)}
                    </Td>
                    <Td dense numeric>
                      ${c.total_commission_earned}
                    </Td>
                  </tr>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        </Card>

        <Card className="lg:col-span-2" role="region" aria-labelledby="monthly-title">
          <CardHeader className="gap-3 sm:flex-row sm:items-center sm:justify-between">
            <CardTitle id="monthly-title">Monthly report</CardTitle>
            <form method="get" action="/dashboard" className="flex items-center gap-2 text-sm">
              <input type="hidden" name="days" value={days} />
              <label htmlFor="report-month" className="text-ink-600">
                Month
              </label>
              <select
                id="report-month"
                name="month"
                defaultValue={month}
                className="rounded-md border border-ink-300 bg-white px-2 py-1"
              >
                {months.map((m) => (
                  <option key={m} value={m}>
                    {monthLabel.format(new Date(`${m}-01T00:00:00Z`))}
                  </option>
                ))}
              </select>
              <button
                type="submit"
                className="rounded-md bg-brand-600 px-3 py-1 font-medium text-white hover:bg-brand-700"
              >
                Show
              </button>
            </form>
          </CardHeader>
          <CardBody>
            <div className="grid grid-cols-2 gap-4 lg:grid-cols-5" data-testid="monthly-report">
              <StatCard
                label="New referrals"
                value={report.new_referrals}
                note={`${report.total_referrals} all time`}
              />
              <StatCard label="Earned" value={`$${report.commission_earned}`} note="Direct commission" />
              <StatCard label="Pending" value={`$${report.commission_pending}`} note="Not yet paid" />
              <StatCard
                label="Conversion"
                value={formatPercent(report.conversion_rate)}
                note="Signups ÷ clicks"
              />
              <StatCard label="Top code" value={report.top_performing_code ?? "—"} />
            </div>
          </CardBody>
        </Card>
      </div>
    </section>
  );
}
