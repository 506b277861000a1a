import type { Metadata } from "next";
import { createdColumn, messageColumn, OutboxTable, STATUS_COLUMN } from "@/components/admin/outbox-table";
import { NOTIFICATION_STATUS_BADGES } from "@/components/notifications/notification-status-badge";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
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

      <OutboxTable
        label="Notifications"
        rows={rows}
        rowKey={(n) => n.id}
        minWidth="min-w-[64rem]"
        status={{ badges: NOTIFICATION_STATUS_BADGES, of: (n) => n.status, note: (n) => n.lastError }}
        filter={{
          label: "Filter by status",
          path: "/admin/notifications",
          param: "status",
          statuses: NOTIFICATION_STATUSES,
          current: search.status,
        }}
        columns={[
          createdColumn(),
          { header: "Recipient", className: "whitespace-nowrap text-ink-900", cell: (n) => n.recipient },
          { header: "Kind", className: "whitespace-nowrap text-ink-900", cell: (n) => kindLabel(n.kind) },
          messageColumn(),
          STATUS_COLUMN,
          { header: "Attempts", numeric: true, className: "text-ink-700", cell: (n) => n.attempts },
        ]}
        empty={{
          title: search.status ? "No notifications with this status" : "No notifications yet",
          text: "Messages about signups, commissions, payouts and operations appear here as they are decided.",
        }}
        limit={ADMIN_NOTIFICATIONS_LIMIT}
      />
    </div>
  );
}
