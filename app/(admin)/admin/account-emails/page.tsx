import type { Metadata } from "next";
import { createdColumn, messageColumn, OutboxTable, STATUS_COLUMN } from "@/components/admin/outbox-table";
import { INVITE_STATUS_BADGES } from "@/components/invites/invite-status-badge";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { pageContext } from "@/lib/auth/page-context";
import { mailerConfigFromEnv } from "@/lib/invites/mailer";
import { ADMIN_ACCOUNT_EMAILS_LIMIT, listAccountEmailsForAdmin } from "@/lib/queries/account-emails";

export const metadata: Metadata = { title: "Account e-mails" };
export const dynamic = "force-dynamic";

const KIND_LABELS = {
  password_reset: "Password reset",
  email_change_confirm: "Confirm new address",
  email_changed_notice: "Address changed",
} as const;

export default async function AdminAccountEmailsPage() {
  const { db } = await pageContext("/admin/account-emails", "admin");
  const emails = await listAccountEmailsForAdmin(db);
  const smtpConfigured = mailerConfigFromEnv() !== null;
  return (
    <div className="page-container">
      <PageHeader
        title="Account e-mails"
        description={
          smtpConfigured
            ? "Password resets, address confirmations and change notices, newest first. Links are hidden once sent. Times are UTC."
            : "SMTP_URL is not set on this server, so account e-mails stay queued here: this is the outbox. Times are UTC."
        }
        actions={
          <ButtonLink href="/admin/invites" variant="secondary">
            E-mail invites
          </ButtonLink>
        }
      />
      <OutboxTable
        label="Account e-mails"
        rows={emails}
        rowKey={(m) => m.id}
        minWidth="min-w-[52rem]"
        status={{ badges: INVITE_STATUS_BADGES, of: (m) => m.status, note: (m) => m.reason }}
        columns={[
          createdColumn(),
          { header: "Kind", className: "whitespace-nowrap text-ink-900", cell: (m) => KIND_LABELS[m.kind] },
          { header: "Recipient", className: "whitespace-nowrap text-ink-900", cell: (m) => m.email },
          STATUS_COLUMN,
          messageColumn(),
        ]}
        empty={{
          title: "No account e-mails yet",
          text: "Password reset links and address confirmations appear here.",
        }}
        limit={ADMIN_ACCOUNT_EMAILS_LIMIT}
      />
    </div>
  );
}
