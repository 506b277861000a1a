import type { Metadata } from "next";
import Link from "next/link";
import { InviteStatusBadge } from "@/components/invites/invite-status-badge";
import { FilterLinks } from "@/components/ui/filter-links";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CardEmptyState } from "@/components/ui/card-list";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableHead, TableScroll, Td, Th } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { INVITE_STATUSES, type InviteStatus } from "@/lib/enums";
import { pageContext } from "@/lib/auth/page-context";
import { mailerConfigFromEnv } from "@/lib/invites/mailer";
import { ADMIN_INVITES_LIMIT, listInvitesForAdmin } from "@/lib/queries/email-invites";
import { adminInvitesSearchSchema } from "@/lib/validation/email-invites";

export const metadata: Metadata = { title: "E-mail invites" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTER_LABELS: Record<InviteStatus, string> = {
  queued: "Queued (outbox)",
  sent: "Sent",
  failed: "Failed",
  skipped: "Skipped",
};

export default async function AdminInvitesPage({ searchParams }: Props) {
  const { db } = await pageContext("/admin/invites", "admin");
  const raw = await searchParams;
  const search = adminInvitesSearchSchema.parse({
    status: Array.isArray(raw.status) ? raw.status[0] : raw.status,
  });
  const invites = await listInvitesForAdmin(db, search);
  const smtpConfigured = mailerConfigFromEnv() !== null;
  const filters = [
    { value: undefined, label: "All" },
    ...INVITE_STATUSES.map((value) => ({ value, label: FILTER_LABELS[value] })),
  ];

  return (
    <div className="page-container">
      <PageHeader
        title="E-mail invites"
        description={
          smtpConfigured
            ? "Invites referrers sent by e-mail, newest first. Times are UTC."
            : "SMTP_URL is not set on this server, so new invites stay queued here: this is the outbox. Times are UTC."
        }
        actions={
          <ButtonLink href="/admin/account-emails" variant="secondary">
            Account e-mails
          </ButtonLink>
        }
      />

      <FilterLinks
        label="Filter by status"
        links={filters.map((f) => ({
          label: f.label,
          href: f.value ? `/admin/invites?status=${f.value}` : "/admin/invites",
          current: f.value === search.status,
        }))}
      />

      <Card role="region" aria-label="Invites">
        {invites.length ? (
          <TableScroll aria-label="Invites table">
            <Table className="min-w-[60rem]">
              <TableHead className="bg-ink-50/60">
                <tr>
                  <Th>Created</Th>
                  <Th>Referrer</Th>
                  <Th>Recipient</Th>
                  <Th>Code</Th>
                  <Th>Status</Th>
                  <Th>Message</Th>
                </tr>
              </TableHead>
              <TableBody>
                {invites.map((i) => (
                  <tr key={i.id} className="align-top">
                    <Td className="whitespace-nowrap text-ink-700">
                      <UtcTime value={i.createdAt} />
                      {i.sentAt ? (
                        <p className="text-xs text-ink-500">
                          Sent <UtcTime value={i.sentAt} />
                        </p>
                      ) : null}
                    </Td>
                    <Td>
                      <Link
                        href={`/admin/clients/${i.referrer.id}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {i.referrer.name}
                      </Link>
                      <p className="text-xs text-ink-500">{i.referrer.email}</p>
                    </Td>
                    <Td className="whitespace-nowrap text-ink-900">{i.email}</Td>
                    <Td className="font-mono text-xs">{i.code ?? "—"}</Td>
                    <Td>
                      <InviteStatusBadge status={i.status} />
                      {i.reason ? <p className="mt-1 max-w-48 text-xs text-ink-600">{i.reason}</p> : null}
                    </Td>
                    <Td>
                      <details className="max-w-md">
                        <summary className="cursor-pointer font-medium text-ink-800">{i.subject}</summary>
                        <pre className="mt-2 font-sans text-xs whitespace-pre-wrap text-ink-700">
                          {i.body}
                        </pre>
                      </details>
                    </Td>
                  </tr>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        ) : (
          <CardEmptyState
            headingLevel="h2"
            title={
              search.status ? `No ${FILTER_LABELS[search.status].toLowerCase()} invites` : "No invites yet"
            }
            text="Invites appear here when referrers send them from their dashboard."
          />
        )}
        {invites.length === ADMIN_INVITES_LIMIT ? (
          <p className="border-t border-ink-100 px-5 py-3 text-sm text-ink-500">
            Showing the newest {ADMIN_INVITES_LIMIT}. Filter by status to narrow the list.
          </p>
        ) : null}
      </Card>
    </div>
  );
}
