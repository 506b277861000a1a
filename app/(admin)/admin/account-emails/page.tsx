import type { Metadata } from "next";
import { InviteStatusBadge } from "@/components/invites/invite-status-badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CardEmptyState } from "@/components/ui/card-list";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableHead, TableScroll, Td, Th } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
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
      <Card role="region" aria-label="Account e-mails">
        {emails.length ? (
          <TableScroll aria-label="Account e-mails table">
            <Table className="min-w-[52rem]">
              <TableHead className="bg-ink-50/60">
                <tr>
                  <Th>Created</Th>
                  <Th>Kind</Th>
                  <Th>Recipient</Th>
                  <Th>Status</Th>
                  <Th>Message</Th>
                </tr>
              </TableHead>
              <TableBody>
                {emails.map((m) => (
                  <tr key={m.id} className="align-top">
                    <Td className="whitespace-nowrap text-ink-700">
                      <UtcTime value={m.createdAt} />
                      {m.sentAt ? (
                        <p className="text-xs text-ink-500">
                          Sent <UtcTime value={m.sentAt} />
                        </p>
                      ) : null}
                    </Td>
                    <Td className="whitespace-nowrap text-ink-900">{KIND_LABELS[m.kind]}</Td>
                    <Td className="whitespace-nowrap text-ink-900">{m.email}</Td>
                    <Td>
                      <InviteStatusBadge status={m.status} />
                      {m.reason ? <p className="mt-1 max-w-48 text-xs text-ink-600">{m.reason}</p> : null}
                    </Td>
                    <Td>
                      <details className="max-w-md">
                        <summary className="cursor-pointer font-medium text-ink-800">{m.subject}</summary>
                        <pre className="mt-2 font-sans text-xs break-all whitespace-pre-wrap text-ink-700">
                          {m.body}
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
            title="No account e-mails yet"
            text="Password reset links and address confirmations appear here."
          />
        )}
        {emails.length === ADMIN_ACCOUNT_EMAILS_LIMIT ? (
          <p className="border-t border-ink-100 px-5 py-3 text-sm text-ink-500">
            Showing the newest {ADMIN_ACCOUNT_EMAILS_LIMIT}.
          </p>
        ) : null}
      </Card>
    </div>
  );
}
