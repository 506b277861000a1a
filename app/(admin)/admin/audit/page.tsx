import type { Metadata } from "next";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { CardEmptyState } from "@/components/ui/card-list";
import { SelectField, TextField } from "@/components/forms/text-field";
import { PageHeader } from "@/components/ui/page-header";
import { pageContext } from "@/lib/auth/page-context";
import { AUDIT_ACTION_LABELS } from "@/lib/audit/describe-audit-entry";
import { listAuditEntries } from "@/lib/queries/audit-log";
import { auditLogSearchSchema, type AuditLogSearch } from "@/lib/validation/audit-log";
import { AuditEntryItem } from "./audit-entry-item";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function queryOf(search: AuditLogSearch, extra: { after?: number } = {}): string {
  const params = new URLSearchParams();
  for (const key of ["action", "entity_type", "entity_id", "actor", "start_date", "end_date"] as const) {
    const v = search[key];
    if (v) params.set(key, v);
  }
  if (extra.after) params.set("after", String(extra.after));
  const qs = params.toString();
  return qs ? `/admin/audit?${qs}` : "/admin/audit";
}

export default async function AuditLogPage({ searchParams }: Props) {
  const { db } = await pageContext("/admin/audit", "admin");
  const raw = await searchParams;
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const search = auditLogSearchSchema.parse(flat);
  const { entries, nextAfter } = await listAuditEntries(db, search);
  const filtered = queryOf(search) !== "/admin/audit";

  return (
    <div className="page-container">
      <PageHeader
        title="Audit log"
        description="Who did what, when, and to which record, newest first. Times are UTC."
      />

      <Card className="mb-6">
        <CardBody>
          <form
            method="get"
            action="/admin/audit"
            aria-label="Filter the audit log"
            className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4"
          >
            <SelectField name="action" label="Action" defaultValue={search.action ?? ""}>
              <option value="">Any action</option>
              {Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </SelectField>
            <TextField
              name="actor"
              label="Who"
              type="search"
              defaultValue={search.actor}
              placeholder="Name, e-mail or key"
              maxLength={100}
            />
            <TextField name="start_date" label="From" type="date" defaultValue={search.start_date} />
            <TextField name="end_date" label="To" type="date" defaultValue={search.end_date} />
            {/* A record's own history (linked from its page) stays narrowed while the other filters change. */}
            {search.entity_type ? (
              <input type="hidden" name="entity_type" value={search.entity_type} />
            ) : null}
            {search.entity_id ? <input type="hidden" name="entity_id" value={search.entity_id} /> : null}
            <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
              <Button type="submit">Apply filters</Button>
              {filtered ? (
                <ButtonLink href="/admin/audit" variant="ghost">
                  Reset
                </ButtonLink>
              ) : null}
            </div>
          </form>
        </CardBody>
      </Card>

      <Card role="region" aria-label="Audit entries">
        {entries.length ? (
          <ol className="divide-y divide-ink-100" aria-label="Audit entries list">
            {entries.map((e) => (
              <li key={e.id}>
                <AuditEntryItem entry={e} />
              </li>
            ))}
          </ol>
        ) : (
          <CardEmptyState
            headingLevel="h2"
            title={filtered ? "Nothing matches these filters" : "Nothing recorded yet"}
            text={
              filtered ? "Clear a filter or widen the dates." : "Admin actions appear here as they happen."
            }
          />
        )}
        <nav
          aria-label="Pages"
          className="flex items-center justify-end gap-2 border-t border-ink-100 px-5 py-3"
        >
          {search.after ? (
            <ButtonLink href={queryOf(search)} variant="secondary" size="sm">
              Newest
            </ButtonLink>
          ) : null}
          {nextAfter ? (
            <ButtonLink href={queryOf(search, { after: nextAfter })} variant="secondary" size="sm">
              Older
            </ButtonLink>
          ) : (
            <span className="text-sm text-ink-500">{entries.length ? "Beginning of the log" : ""}</span>
          )}
        </nav>
      </Card>
    </div>
  );
}
