import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { REFERRAL_SOURCES } from "@/lib/enums";
import { pageContext } from "@/lib/auth/page-context";
import { getAdminOverview } from "@/lib/queries/admin-overview";
import { listCampaignOptions } from "@/lib/queries/campaign-options";
import { getReportView } from "@/lib/queries/referral-report";
import { resolveReportFilters } from "@/lib/queries/referral-report-filter";
import { parseReportSearch, pickFilters, reportQueryString } from "@/lib/validation/referral-report";
import { ChartsPlaceholder, ReportChartsLoader } from "./report-charts";
import { ReportFilters, type DatePreset } from "./report-filters";
import { ReferralsTable } from "./referrals-table";

export const metadata: Metadata = { title: "Reports" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminReportsPage({ searchParams }: Props) {
  const { db } = await pageContext("/admin", "admin");
  const { search, ignored } = parseReportSearch(await searchParams);
  const filters = pickFilters(search);
  const now = new Date();
  // The referrer text is looked up once here; the table, totals, probes and charts reuse the ids.
  const [overview, campaigns, resolved] = await Promise.all([
    getAdminOverview(db, now),
    listCampaignOptions(db),
    resolveReportFilters(db, search),
  ]);
  const { page, totals } = await getReportView(db, { ...search, ...resolved });
  const filterQuery = reportQueryString(filters);

  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <PageHeader
        title="Reports"
        description="Every referral with its commissions. Filter, share the link, export exactly what you see."
      />

      {ignored.length ? (
        <p
          role="status"
          className="mb-6 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          Some parts of this link were not valid and were ignored: {ignored.join(", ")}.
        </p>
      ) : null}

      <section aria-label="Program summary" className="mb-8 grid grid-cols-2 gap-4 lg:grid-cols-5">
        <StatCard label="Clients" value={overview.clients.toLocaleString("en-US")} />
        <StatCard label="Referrals" value={overview.referrals.toLocaleString("en-US")} note="All time" />
        <StatCard label="Referrals, 30 days" value={overview.referralsLast30Days.toLocaleString("en-US")} />
        <StatCard label="Clicks, 30 days" value={overview.clicksLast30Days.toLocaleString("en-US")} />
        <StatCard
          label="Awaiting review"
          value={overview.pendingReview.toLocaleString("en-US")}
          note="Flagged referrals"
        />
      </section>

      <ReportFilters
        key={`filters:${filterQuery}`}
        filters={filters}
        sort={{ sort: search.sort, dir: search.dir, size: search.size }}
        campaigns={campaigns}
        sources={[...REFERRAL_SOURCES]}
        presets={datePresets(now)}
      />

      <ReferralsTable
        key={`table:${filterQuery}`}
        rows={page.rows}
        totals={totals}
        filterQuery={filterQuery}
        search={{ sort: search.sort, dir: search.dir, size: search.size }}
        prevCursor={page.prevCursor}
        nextCursor={page.nextCursor}
        atStart={!search.after && !search.before}
      />

      {/* Aggregates over the whole period take longest: the table shows first, the charts stream in. */}
      <Suspense key={`charts:${filterQuery}`} fallback={<ChartsPlaceholder />}>
        <ReportChartsLoader db={db} filters={resolved} now={now} />
      </Suspense>
    </div>
  );
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** One-click date ranges, in UTC days like the filters themselves. */
function datePresets(now: Date): DatePreset[] {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const today = new Date(Date.UTC(y, m, now.getUTCDate()));
  return [
    { label: "Last 30 days", start: iso(new Date(today.getTime() - 29 * 86_400_000)), end: iso(today) },
    { label: "This month", start: iso(new Date(Date.UTC(y, m, 1))), end: iso(today) },
    {
      label: "Last month",
      start: iso(new Date(Date.UTC(y, m - 1, 1))),
      end: iso(new Date(Date.UTC(y, m, 0))),
    },
  ];
}
