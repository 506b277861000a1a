import { MoneyByCurrency } from "@/components/commissions/money-by-currency";
import { MoneyLabel } from "@/components/commissions/money-label";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { StatCard } from "@/components/ui/stat-card";
import { formatPercent } from "@/lib/format";
import { BASE_CURRENCY, minorUnits } from "@/lib/money/currencies";
import { withBaseCurrency } from "@/lib/money/currency-amounts";
import type { MonthlyCurrencyReport, MonthlyReport } from "@/lib/queries/referral-analytics";

type Bucket = "commission_earned" | "commission_on_hold" | "commission_approved";

/** The report's decimal strings ("-4.39", "500" yen) back to minor units of their currency. */
const minor = (decimal: string, currency: string) => Math.round(Number(decimal) * 10 ** minorUnits(currency));

/**
 * One bucket of the month in every currency it moved in, usd first, one line each (never added
 * together): a referrer paid in euros sees the month's € beside its $.
 */
function BucketMoney({ report, bucket }: { report: MonthlyReport; bucket: Bucket }) {
  const others = report.other_currencies
    .map((o: MonthlyCurrencyReport) => ({ currency: o.currency, cents: minor(o[bucket], o.currency) }))
    .filter((o) => o.cents !== 0);
  return <MoneyByCurrency amounts={withBaseCurrency(minor(report[bucket], BASE_CURRENCY), others)} />;
}

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
            value={<BucketMoney report={report} bucket="commission_earned" />}
            note="Direct, net of refunds"
          />
          <StatCard
            label={<MoneyLabel state="onHold" />}
            value={<BucketMoney report={report} bucket="commission_on_hold" />}
            note="Still in its hold"
          />
          <StatCard
            label={<MoneyLabel state="approved" />}
            value={<BucketMoney report={report} bucket="commission_approved" />}
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
