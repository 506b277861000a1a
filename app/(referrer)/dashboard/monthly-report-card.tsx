import { MoneyLabel } from "@/components/commissions/money-label";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { StatCard } from "@/components/ui/stat-card";
import { formatMoney, formatPercent } from "@/lib/format";
import type { MonthlyReport } from "@/lib/queries/referral-analytics";

/** The report's decimal strings ("-4.39") as the pages write money ("-$4.39"). */
const money = (decimal: string) => formatMoney(Math.round(Number(decimal) * 100));

const monthLabel = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

/** One month's figures, with a plain GET form to pick the month (the month is in the URL). */
export function MonthlyReportCard({
  report,
  month,
  months,
}: {
  report: MonthlyReport;
  month: string;
  /** The months that can be picked, newest first. */
  months: string[];
}) {
  return (
    <Card role="region" aria-labelledby="monthly-title">
      <CardHeader className="gap-3 sm:flex-row sm:items-center sm:justify-between">
        <CardTitle id="monthly-title">Monthly report</CardTitle>
        <form method="get" action="/dashboard/earnings" className="flex items-center gap-2 text-sm">
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
        <div className="grid grid-cols-2 gap-4 sm:grid-cols-3 xl:grid-cols-6" data-testid="monthly-report">
          <StatCard
            label="New referrals"
            value={report.new_referrals}
            note={`${report.total_referrals} all time`}
          />
          <StatCard
            label={<MoneyLabel state="earned" />}
            value={money(report.commission_earned)}
            note="Direct, net of refunds"
          />
          <StatCard
            label={<MoneyLabel state="onHold" />}
            value={money(report.commission_on_hold)}
            note="Still in its hold"
          />
          <StatCard
            label={<MoneyLabel state="approved" />}
            value={money(report.commission_approved)}
            note="Past the hold, not yet paid"
          />
          <StatCard
            label="Conversion"
            value={formatPercent(report.conversion_rate)}
            note="Signups ÷ clicks"
          />
          <StatCard label="Top code" value={report.top_performing_code ?? "—"} />
        </div>
      </CardBody>
    </Card>
  );
}
