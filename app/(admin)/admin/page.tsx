import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { REFERRAL_SOURCES } from "@/lib/enums";
import { pageContext } from "@/lib/auth/page-context";
import { getAdminOverview } from "@/lib/queries/admin-overview";
import { listCampaignOptions } from "@/lib/queries/campaign-options";
import { getReportView } from "@/lib/queries/referral-report";
import { resolveReportFilters } from "@/lib/queries/referral-report-filter";
import { getReportKeyFigures } from "@/lib/queries/report-key-figures";
import { DEFAULT_REPORT_COLUMNS } from "@/lib/report-columns";
import { parseReportSearch, pickFilters, reportQueryString } from "@/lib/validation/referral-report";
import { ChartsPlaceholder, ReportChartsLoader } from "./report-charts";
import { ReportFilters, type DatePreset } from "./report-filters";
import { ReportKeyFigures } from "./report-key-figures";
import { ReferralsTable } from "./referrals-table";

export const metadata: Metadata = { title: "Reports" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminReportsPage({ searchParams }: Props) {
  // Reports and charts are heavy reads over the whole program: the replica when there is one (may lag a moment).
  const { readDb: db } = await pageContext("/admin", "admin");
  const { search, ignored } = parseReportSearch(await searchParams);
  const filters = pickFilters(search);
  const now = new Date();
  // The referrer text is looked up once here; the table, totals, probes and charts reuse the ids.
  const [overview, campaigns, resolved] = await Promise.all([
    getAdminOverview(db),
    listCampaignOptions(db),
    resolveReportFilters(db, search),
  ]);
  const [{ page, totals }, keyFigures] = await Promise.all([
    getReportView(db, { ...search, ...resolved }),
    getReportKeyFigures(db, resolved, now),
  ]);
  const filterQuery = reportQueryString(filters);
  const columns = search.columns ?? DEFAULT_REPORT_COLUMNS;
  const view = { sort: search.sort, dir: search.dir, size: search.size, columns };

  return (
    <div className="page-container">
      <PageHeader
        title="Reports"
        description={`${overview.clients.toLocaleString("en-US")} clients · ${overview.referrals.toLocaleString("en-US")} referrals all time. The figures, charts and table follow the filters; the link keeps the view.`}
      />

      {ignored.length ? (
        <p
          role="status"
          className="mb-6 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          Some parts of this link were not valid and were ignored: {ignored.join(", ")}.
        </p>
      ) : null}

      <ReportFilters
        key={`filters:${filterQuery}`}
        filters={filters}
        view={view}
        campaigns={campaigns}
        sources={[...REFERRAL_SOURCES]}
        presets={datePresets(now)}
      />

      {/* The answer first: the period's figures against the period before, then the trends, then rows. */}
      <ReportKeyFigures figures={keyFigures} awaitingReview={overview.pendingReview} />

      {/* Aggregates over the whole period take longest: the figures and table show first, charts stream in. */}
      <Suspense key={`charts:${filterQuery}`} fallback={<ChartsPlaceholder />}>
        <ReportChartsLoader db={db} filters={resolved} now={now} />
      </Suspense>

      <ReferralsTable
        key={`table:${filterQuery}`}
        rows={page.rows}
        totals={totals}
        filterQuery={filterQuery}
        search={{ sort: search.sort, dir: search.dir, size: search.size }}
        visibleColumns={columns}
        prevCursor={page.prevCursor}
        nextCursor={page.nextCursor}
        atStart={!search.after && !search.before}
      />
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
