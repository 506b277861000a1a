import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { UtcTime } from "@/components/ui/utc-time";
import { AUDIT_ACTION_LABELS, describeAuditEntry } from "@/lib/audit/describe-audit-entry";
import type { AuditEntry } from "@/lib/queries/audit-log";

/** Who did it, as a sentence starts: a person's name, an API key, or the system itself. */
export function actorName(actor: AuditEntry["actor"]): string {
  if (actor?.kind === "user") return actor.name;
  if (actor?.kind === "api_key") return `API key “${actor.name}”`;
  return "The system";
}

/**
 * One audit entry as a sentence, its changes as before → after, and when/who/where beneath. A stacked
 * block at every width, so nothing is cut off on a phone; the raw record is one tap away for forensics.
 */
export function AuditEntryItem({ entry }: { entry: AuditEntry }) {
  const { sentence, changes = [] } = describeAuditEntry(entry.action, {
    actor: actorName(entry.actor),
    entityType: entry.entityType,
    entityId: entry.entityId,
    details: entry.details ?? {},
    subject: entry.subject?.name ?? null,
  });
  const clientLink =
    entry.entityType === "user" && entry.entityId && entry.subject?.role === "client"
      ? `/admin/clients/${entry.entityId}`
      : null;

  return (
    <article className="flex flex-col gap-2 px-5 py-4" data-testid={`audit-${entry.id}`}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-ink-500">
        <UtcTime value={entry.createdAt} precision="seconds" className="font-medium text-ink-700" />
        <Badge tone="info">{AUDIT_ACTION_LABELS[entry.action] ?? entry.action}</Badge>
        {entry.actor?.kind === "user" ? <span className="break-all">{entry.actor.email}</span> : null}
        {entry.ip ? <span className="font-mono">from {entry.ip}</span> : null}
      </div>
      <p className="text-sm text-ink-900 [overflow-wrap:anywhere]">{sentence}.</p>
      {changes.length ? (
        <dl className="flex flex-col gap-1 text-sm" aria-label="Changes">
          {changes.map((c) => (
            <div key={c.label} className="flex flex-wrap gap-x-2">
              <dt className="text-ink-500">{c.label}:</dt>
              <dd className="[overflow-wrap:anywhere] text-ink-800">
                <span className="text-ink-500 line-through decoration-ink-300">{c.before}</span>
                <span aria-hidden="true"> → </span>
                <span className="sr-only"> changed to </span>
                <span className="font-medium">{c.after}</span>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs">
        {clientLink ? (
          <Link href={clientLink} className="font-medium text-brand-700 hover:underline">
            Open {entry.subject?.name}
          </Link>
        ) : null}
        {entry.details && Object.keys(entry.details).length ? (
          <details className="min-w-0 text-ink-500">
            <summary className="cursor-pointer hover:text-ink-700">Stored record</summary>
            <pre className="mt-1 max-w-full overflow-x-auto rounded bg-ink-50 p-2 font-mono text-[11px] whitespace-pre-wrap text-ink-700 [overflow-wrap:anywhere]">
              {`${entry.action} · ${entry.entityType}${entry.entityId ? ` #${entry.entityId}` : ""}\n${JSON.stringify(entry.details, null, 2)}`}
            </pre>
          </details>
        ) : null}
      </div>
    </article>
  );
}
