import type { Metadata } from "next";
import Link from "next/link";
import { createdColumn, messageColumn, OutboxTable, STATUS_COLUMN } from "@/components/admin/outbox-table";
import { INVITE_STATUS_BADGES } from "@/components/invites/invite-status-badge";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
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

      <OutboxTable
        label="Invites"
        rows={invites}
        rowKey={(i) => i.id}
        minWidth="min-w-[60rem]"
        status={{ badges: INVITE_STATUS_BADGES, of: (i) => i.status, note: (i) => i.reason }}
        filter={{
          label: "Filter by status",
          path: "/admin/invites",
          param: "status",
          statuses: INVITE_STATUSES,
          labels: FILTER_LABELS,
          current: search.status,
        }}
        columns={[
          createdColumn(),
          {
            header: "Referrer",
            cell: (i) => (
              <>
                <Link
                  href={`/admin/clients/${i.referrer.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {i.referrer.name}
                </Link>
                <p className="text-xs text-ink-500">{i.referrer.email}</p>
              </>
            ),
          },
          { header: "Recipient", className: "whitespace-nowrap text-ink-900", cell: (i) => i.email },
          { header: "Code", className: "font-mono text-xs", cell: (i) => i.code ?? "—" },
          STATUS_COLUMN,
          messageColumn(),
        ]}
        empty={{
          title: search.status
            ? `No ${FILTER_LABELS[search.status].toLowerCase()} invites`
            : "No invites yet",
          text: "Invites appear here when referrers send them from their dashboard.",
        }}
        limit={ADMIN_INVITES_LIMIT}
      />
    </div>
  );
}
