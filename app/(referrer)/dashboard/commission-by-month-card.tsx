import { BarLineChart } from "@/components/charts/bar-line-chart";
import { COMMISSION_LINE, SIGNUPS_BARS } from "@/components/charts/series";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { getMonthlyCommission } from "@/lib/queries/referral-analytics";

const shortMonth = new Intl.DateTimeFormat("en-US", { month: "short", year: "2-digit", timeZone: "UTC" });

/** Signups and direct commission earned per month, last 12 months. */
export function CommissionByMonthCard({
  byMonth,
}: {
  byMonth: Awaited<ReturnType<typeof getMonthlyCommission>>;
}) {
  return (
    <Card role="region" aria-labelledby="commission-month-title">
      <CardHeader>
        <CardTitle id="commission-month-title">Commission by month</CardTitle>
        <CardDescription>
          Signups and direct commission earned per calendar month (UTC), last 12 months. A month whose refunds
          exceed its earnings shows below $0.
        </CardDescription>
      </CardHeader>
      <CardBody data-testid="commission-month-chart">
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
  );
}
