import type { Metadata } from "next";
import {
  NOTIFICATION_STATUS_LABELS,
  NotificationStatusBadge,
} from "@/components/notifications/notification-status-badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CardEmptyState } from "@/components/ui/card-list";
import { FilterLinks } from "@/components/ui/filter-links";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableHead, TableScroll, Td, Th } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { NOTIFICATION_STATUSES } from "@/lib/enums";
import { pageContext } from "@/lib/auth/page-context";
import { mailerConfigFromEnv } from "@/lib/invites/mailer";
import { NOTIFICATION_KIND_LABELS } from "@/lib/notifications/kind-labels";
import { NOTIFICATION_KINDS } from "@/lib/notifications/messages";
import { ADMIN_NOTIFICATIONS_LIMIT, listNotificationsForAdmin } from "@/lib/queries/notification-outbox";
import { adminNotificationsSearchSchema } from "@/lib/validation/notifications";
import { ProcessNowForm } from "./process-now-form";

export const metadata: Metadata = { title: "Notifications" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const kindLabel = (kind: string) =>
  NOTIFICATION_KINDS.find((k) => k === kind)
    ? NOTIFICATION_KIND_LABELS[kind as (typeof NOTIFICATION_KINDS)[number]].label
    : kind;

export default async function AdminNotificationsPage({ searchParams }: Props) {
  const { db } = await pageContext("/admin/notifications", "admin");
  const raw = await searchParams;
  const search = adminNotificationsSearchSchema.parse({
    status: Array.isArray(raw.status) ? raw.status[0] : raw.status,
  });
  const rows = await listNotificationsForAdmin(db, search);
  const smtpConfigured = mailerConfigFromEnv() !== null;
  const filters = [
    { value: undefined, label: "All" },
    ...NOTIFICATION_STATUSES.map((value) => ({ value, label: NOTIFICATION_STATUS_LABELS[value].label })),
  ];
  return (
    <div className="page-container">
      <PageHeader
        title="Notifications"
        description={
          smtpConfigured
            ? "E-mail notifications to referrers and admins, newest first. Capped: over the recipient's daily limit. Skipped: turned off before it was sent. Times are UTC."
            : "SMTP_URL is not set on this server, so notifications wait here (queued) and are sent once it is. Times are UTC."
        }
        actions={
          <ButtonLink href="/admin/jobs" variant="secondary">
            Jobs
          </ButtonLink>
        }
      />

      <ProcessNowForm />

      <FilterLinks
        label="Filter by status"
        links={filters.map((f) => ({
          label: f.label,
          href: f.value ? `/admin/notifications?status=${f.value}` : "/admin/notifications",
          current: f.value === search.status,
        }))}
      />

      <Card role="region" aria-label="Notifications">
        {rows.length ? (
          <TableScroll aria-label="Notifications table">
            <Table className="min-w-[64rem]">
              <TableHead className="bg-ink-50/60">
                <tr>
                  <Th>Created</Th>
                  <Th>Recipient</Th>
                  <Th>Kind</Th>
                  <Th>Message</Th>
                  <Th>Status</Th>
                  <Th align="right">Attempts</Th>
                </tr>
              </TableHead>
              <TableBody>
                {rows.map((n) => (
                  <tr key={n.id} className="align-top">
                    <Td className="whitespace-nowrap text-ink-700">
                      <UtcTime value={n.createdAt} />
                      {n.sentAt ? (
                        <p className="text-xs text-ink-500">
                          Sent <UtcTime value={n.sentAt} />
                        </p>
                      ) : null}
                    </Td>
                    <Td className="whitespace-nowrap text-ink-900">{n.recipient}</Td>
                    <Td className="whitespace-nowrap text-ink-900">{kindLabel(n.kind)}</Td>
                    <Td>
                      <details className="max-w-md">
                        <summary className="cursor-pointer font-medium text-ink-800">{n.subject}</summary>
                        <pre className="mt-2 font-sans text-xs break-all whitespace-pre-wrap text-ink-700">
                          {n.body}
                        </pre>
                      </details>
                    </Td>
                    <Td>
                      <NotificationStatusBadge status={n.status} />
                      {n.lastError ? (
                        <p className="mt-1 max-w-56 text-xs text-ink-600">{n.lastError}</p>
                      ) : null}
                    </Td>
                    <Td numeric className="text-ink-700">
                      {n.attempts}
                    </Td>
                  </tr>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        ) : (
          <CardEmptyState
            headingLevel="h2"
            title={search.status ? "No notifications with this status" : "No notifications yet"}
            text="Messages about signups, commissions, payouts and operations appear here as they are decided."
          />
        )}
        {rows.length === ADMIN_NOTIFICATIONS_LIMIT ? (
          <p className="border-t border-ink-100 px-5 py-3 text-sm text-ink-500">
            Showing the newest {ADMIN_NOTIFICATIONS_LIMIT}.
          </p>
        ) : null}
      </Card>
    </div>
  );
}
