import type { Metadata } from "next";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { requirePageUser } from "@/lib/auth/session";
import { getAdminOverview } from "@/lib/queries/admin-overview";

export const metadata: Metadata = { title: "Reports" };
export const dynamic = "force-dynamic";

export default async function AdminHomePage() {
  await requirePageUser("/admin", "admin");
  const overview = await getAdminOverview();

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <PageHeader title="Program overview" description="Referrals, clicks and reviews across every client." />

      <section aria-label="Summary" className="mb-8 grid grid-cols-2 gap-4 lg:grid-cols-5">
        <StatCard label="Clients" value={overview.clients} />
        <StatCard label="Referrals" value={overview.referrals} note="All time" />
        <StatCard label="Referrals, 30 days" value={overview.referralsLast30Days} />
        <StatCard label="Clicks, 30 days" value={overview.clicksLast30Days} />
        <StatCard label="Awaiting review" value={overview.pendingReview} note="Flagged referrals" />
      </section>

      <Card>
        <CardHeader>
          <CardTitle>Top referrers, last 30 days</CardTitle>
        </CardHeader>
        {overview.topReferrers.length ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-ink-200 text-xs tracking-wide text-ink-500 uppercase">
                <tr>
                  <th scope="col" className="px-5 py-3 font-medium">
                    Referrer
                  </th>
                  <th scope="col" className="px-5 py-3 font-medium">
                    E-mail
                  </th>
                  <th scope="col" className="px-5 py-3 text-right font-medium">
                    Referrals
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-ink-100">
                {overview.topReferrers.map((r) => (
                  <tr key={r.userId}>
                    <td className="px-5 py-3 font-medium text-ink-900">{r.name}</td>
                    <td className="px-5 py-3 text-ink-600">{r.email}</td>
                    <td className="px-5 py-3 text-right tabular-nums">{r.referrals}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <CardBody>
            <EmptyState headingLevel="h3" title="No referrals in the last 30 days" />
          </CardBody>
        )}
      </Card>
    </div>
  );
}
