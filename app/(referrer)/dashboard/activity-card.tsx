import Link from "next/link";
import { BarLineChart } from "@/components/charts/bar-line-chart";
import { CLICKS_LINE, SIGNUPS_BARS } from "@/components/charts/series";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { LinkPending } from "@/components/ui/link-pending";
import type { DailyActivity } from "@/lib/queries/referral-analytics";
import { windowExplanation } from "@/lib/time-windows";

const dayLabel = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** Clicks and signups per day, with the 7 / 30 / 90-day switch (links, so the period is in the URL). */
export function ActivityCard({ activity, days }: { activity: DailyActivity[]; days: number }) {
  return (
    <Card role="region" aria-labelledby="activity-title">
      <CardHeader className="gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div>
          <CardTitle id="activity-title">Clicks and signups per day</CardTitle>
          <CardDescription>{windowExplanation(days)}</CardDescription>
        </div>
        <nav aria-label="Chart period" className="flex gap-1 rounded-lg bg-ink-50 p-1 text-sm">
          {([7, 30, 90] as const).map((d) => (
            <Link
              key={d}
              href={`/dashboard?days=${d}`}
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
          <span data-testid="activity-clicks">{activity.reduce((n, p) => n + p.clicks, 0)}</span> clicks ·{" "}
          <span data-testid="activity-signups">{activity.reduce((n, p) => n + p.signups, 0)}</span> signups in
          the last {days} days
        </p>
      </CardBody>
    </Card>
  );
}
