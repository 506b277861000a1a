import type { ReactNode } from "react";
import { BarListChart } from "@/components/charts/bar-list-chart";
import { MoneyByCurrency } from "@/components/commissions/money-by-currency";
import { chartColors } from "@/components/charts/chart-theme";
import { BarLineChart } from "@/components/charts/bar-line-chart";
import { COMMISSION_LINE, SIGNUPS_BARS } from "@/components/charts/series";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableHead, TableScroll, Td, Th } from "@/components/ui/table";
import type { Db } from "@/lib/context";
import { formatMoney, formatPercent } from "@/lib/format";
import { withBaseCurrency } from "@/lib/money/currency-amounts";
import {
  getReportCharts,
  getTopReferrers,
  type ReportCharts,
  type TopReferrer,
} from "@/lib/queries/report-charts";
import type { ResolvedReportFilters } from "@/lib/queries/referral-report-filter";

const dayLabel = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const monthLabel = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
const rangeLabel = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

function ChartCard({
  title,
  description,
  children,
}: {
  title: string;
  description: ReactNode;
  children: ReactNode;
}) {
  return (
    // min-w-0: a grid item may otherwise grow to the chart's measured width and overflow a phone screen.
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle as="h3">{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardBody>{children}</CardBody>
    </Card>
  );
}

/** A screen reader's version of a chart: the same numbers as a table. */
function DataTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: string[];
  rows: (string | number)[][];
}) {
  return (
    <table className="sr-only">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) => (
              <td key={j}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export async function ReportChartsLoader({
  db,
  filters,
  now,
}: {
  db: Db;
  filters: ResolvedReportFilters;
  now: Date;
}) {
  const [charts, topReferrers] = await Promise.all([
    getReportCharts(db, filters, now),
    getTopReferrers(db, now),
  ]);
  return <ReportChartsSection charts={charts} topReferrers={topReferrers} />;
}

/** Holds the charts' place (same height) while they load, so the page does not jump. */
export function ChartsPlaceholder() {
  return (
    <section aria-label="Trends" aria-busy="true" className="mb-8">
      <div className="mb-4 h-7 w-24 animate-pulse rounded bg-ink-200" />
      <div className="grid gap-6 lg:grid-cols-2">
        {[0, 1, 2, 3].map((i) => (
          <Card key={i} className="h-96 animate-pulse bg-ink-100/60">
            <span className="sr-only">Loading charts…</span>
          </Card>
        ))}
      </div>
    </section>
  );
}

/** Charts of the filtered referrals (the report's period: its dates, or the last 30 days) and the seed's BI query. */
export function ReportChartsSection({
  charts,
  topReferrers,
}: {
  charts: ReportCharts;
  topReferrers: TopReferrer[];
}) {
  const { range, timeline, funnel, bySource } = charts;
  const lastDay = new Date(new Date(range.toExclusive).getTime() - 1);
  const period = `${rangeLabel.format(new Date(range.from))} – ${rangeLabel.format(lastDay)}`;
  const label = (bucket: string) => {
    const d = new Date(`${bucket}T00:00:00Z`);
    if (range.bucket === "month") return monthLabel.format(d);
    return dayLabel.format(d);
  };
  const points = timeline.map((t) => ({
    label: label(t.bucket),
    signups: t.signups,
    commissionDollars: t.commissionCents / 100,
  }));
  const per = range.bucket === "day" ? "per day" : range.bucket === "week" ? "per week" : "per month";

  return (
    <section aria-labelledby="charts-title" className="mb-8">
      <div className="mb-4 flex flex-col gap-1 sm:flex-row sm:items-end sm:justify-between">
        <h2 id="charts-title" className="text-lg font-semibold text-ink-900">
          Trends
        </h2>
        <p className="text-sm text-ink-500">
          {period}
          {range.defaulted ? " (last 30 days — set dates above to change)" : ""} · follows the filters
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <ChartCard
          title="Signups and commissions"
          description={`Referred signups and commissions earned in USD (net of reversals, all levels) ${per}; other currencies are in the key figures and the table's totals.`}
        >
          <BarLineChart bar={SIGNUPS_BARS} line={COMMISSION_LINE} data={points} />
          <DataTable
            caption="Signups and commissions over time"
            head={["Period", "Signups", "Commissions (USD)"]}
            rows={timeline.map((t) => [label(t.bucket), t.signups, formatMoney(t.commissionCents)])}
          />
        </ChartCard>

        <ChartCard
          title="Funnel"
          description="Link clicks → referred signups → clients who have paid at least once."
        >
          <BarListChart
            valueLabel="People"
            labelWidth={112}
            data={[
              { label: "Clicks", value: funnel.clicks },
              { label: "Signups", value: funnel.signups },
              { label: "Paying clients", value: funnel.payingClients },
            ]}
          />
          <dl className="mt-3 grid grid-cols-2 gap-3 text-sm">
            <div className="rounded-lg bg-ink-50 px-3 py-2">
              <dt className="text-xs text-ink-500">Click → signup</dt>
              <dd className="font-semibold text-ink-900 tabular-nums">
                {formatPercent(funnel.clicks ? funnel.signups / funnel.clicks : null)}
              </dd>
            </div>
            <div className="rounded-lg bg-ink-50 px-3 py-2">
              <dt className="text-xs text-ink-500">Signup → paying</dt>
              <dd className="font-semibold text-ink-900 tabular-nums">
                {formatPercent(funnel.signups ? funnel.payingClients / funnel.signups : null)}
              </dd>
            </div>
          </dl>
        </ChartCard>

        <ChartCard title="Signups by source" description="Where the filtered signups came from.">
          {bySource.length ? (
            <>
              <BarListChart
                valueLabel="Signups"
                color={chartColors.accent}
                data={bySource.map((s) => ({ label: s.source, value: s.signups }))}
              />
              <DataTable
                caption="Signups by source"
                head={["Source", "Signups"]}
                rows={bySource.map((s) => [s.source, s.signups])}
              />
            </>
          ) : (
            <EmptyState headingLevel="h4" title="No signups in this period" className="py-8" />
          )}
        </ChartCard>

        <ChartCard
          title="Top referrers, last 30 days"
          description="By referrals, with their commission in each currency it was earned in — the whole program, whatever the filters."
        >
          {topReferrers.length ? (
            <>
              <BarListChart
                valueLabel="Referrals"
                labelWidth={128}
                data={topReferrers.map((r) => ({ label: r.name, value: r.referrals }))}
              />
              <TableScroll className="mt-3">
                <Table>
                  <TableHead unstyled className="text-xs text-ink-500">
                    <tr>
                      <Th unstyled className="py-1.5 pr-3 font-medium">
                        Referrer
                      </Th>
                      <Th unstyled align="right" className="py-1.5 pr-3 font-medium">
                        Referrals
                      </Th>
                      <Th unstyled align="right" className="py-1.5 pr-3 font-medium">
                        Commission
                      </Th>
                      <Th unstyled align="right" className="hidden py-1.5 font-medium sm:table-cell">
                        Avg / referral
                      </Th>
                    </tr>
                  </TableHead>
                  <TableBody>
                    {topReferrers.map((r) => (
                      <tr key={r.userId}>
                        <Td unstyled className="py-1.5 pr-3">
                          <span className="font-medium text-ink-900">{r.name}</span>
                          <span className="block max-w-56 truncate text-xs text-ink-500">{r.email}</span>
                        </Td>
                        <Td unstyled numeric className="py-1.5 pr-3">
                          {r.referrals.toLocaleString("en-US")}
                        </Td>
                        <Td unstyled numeric className="py-1.5 pr-3" data-testid="top-referrer-commission">
                          <MoneyByCurrency
                            amounts={withBaseCurrency(r.totalCommissionCents, r.otherCurrencies)}
                          />
                        </Td>
                        <Td unstyled numeric className="hidden py-1.5 sm:table-cell">
                          <MoneyByCurrency
                            amounts={withBaseCurrency(
                              r.avgCommissionCents,
                              r.otherCurrencies.map((o) => ({ currency: o.currency, cents: o.avgCents })),
                            )}
                          />
                        </Td>
                      </tr>
                    ))}
                  </TableBody>
                </Table>
              </TableScroll>
            </>
          ) : (
            <EmptyState headingLevel="h4" title="No referrals in the last 30 days" className="py-8" />
          )}
        </ChartCard>
      </div>
    </section>
  );
}
