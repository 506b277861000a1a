import { InviteStatusBadge, QUEUED_NOTE } from "@/components/invites/invite-status-badge";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/lib/format";
import { DAILY_INVITE_LIMIT, REINVITE_WINDOW_DAYS } from "@/lib/invites/send-email-invites";
import type { DashboardCodesData } from "@/lib/queries/dashboard";
import { MAX_ADDRESSES_PER_SEND } from "@/lib/validation/email-invites";
import { EmailInvitesForm } from "./email-invites-form";

/** "Invite by e-mail": the form, today's allowance and the latest invites with their status. */
export function EmailInvitesCard({
  invites: { codes, recent, remainingToday },
}: {
  invites: DashboardCodesData["invites"];
}) {
  return (
    <Card className="mb-8" role="region" aria-labelledby="email-invites">
      <CardHeader>
        <CardTitle id="email-invites">Invite by e-mail</CardTitle>
        <CardDescription>
          We e-mail each person your code and invite link. Up to {DAILY_INVITE_LIMIT} invites a day; people
          who are already clients, or whom you invited in the last {REINVITE_WINDOW_DAYS} days, are skipped.
        </CardDescription>
      </CardHeader>
      <CardBody>
        {codes.length ? (
          <EmailInvitesForm
            codes={codes}
            remainingToday={remainingToday}
            dailyLimit={DAILY_INVITE_LIMIT}
            maxPerSend={MAX_ADDRESSES_PER_SEND}
          />
        ) : (
          <EmptyState
            headingLevel="h3"
            title="No active code to invite with"
            text="Reactivate a code or create a new one above, then invite people by e-mail here."
          />
        )}
      </CardBody>
      {recent.length ? (
        <section aria-labelledby="recent-invites" className="border-t border-ink-100">
          <h3 id="recent-invites" className="px-5 pt-4 text-sm font-semibold text-ink-900">
            Recent invites
          </h3>
          <ul className="divide-y divide-ink-100">
            {recent.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3 text-sm">
                <div className="min-w-0">
                  <p className="font-medium break-all text-ink-900">{r.email}</p>
                  <p className="text-ink-500">
                    {r.status === "queued" ? (r.reason ?? QUEUED_NOTE) : r.reason}
                    {r.status === "queued" || r.reason ? " · " : ""}
                    <time dateTime={r.createdAt}>{formatDate(r.createdAt)}</time>
                  </p>
                </div>
                <div className="flex items-center gap-3 text-ink-600">
                  {r.code ? <span className="font-mono text-xs">{r.code}</span> : null}
                  <InviteStatusBadge status={r.status} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Card>
  );
}
