import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { CardEmptyState } from "@/components/ui/card-list";
import { SelectField, TextField } from "@/components/forms/text-field";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableHead, TableScroll, Td, Th } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { pageContext } from "@/lib/auth/page-context";
import { listAuditEntries, listAuditFacets, type AuditEntry } from "@/lib/queries/audit-log";
import { auditLogSearchSchema, type AuditLogSearch } from "@/lib/validation/audit-log";

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

function Details({ details }: { details: Record<string, unknown> | null }) {
  if (!details || !Object.keys(details).length) return <span className="text-ink-400">—</span>;
  return (
    <dl className="grid max-w-md grid-cols-[auto_minmax(0,1fr)] gap-x-2 text-xs">
      {Object.entries(details).map(([k, v]) => {
        const value = typeof v === "string" ? v : JSON.stringify(v);
        return (
          <div key={k} className="contents">
            <dt className="text-ink-500">{k}</dt>
            <dd className="truncate font-mono text-ink-800" title={value}>
              {value}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function RecordCell({ entry }: { entry: AuditEntry }) {
  const id = entry.entityId;
  const label = (
    <>
      <span className="text-ink-500">{entry.entityType}</span>
      {id ? <span className="ml-1 font-mono">#{id}</span> : null}
    </>
  );
  if (entry.entityType === "user" && id && entry.subject) {
    return (
      <div>
        {entry.subject.role === "client" ? (
          <Link href={`/admin/clients/${id}`} className="font-medium text-brand-700 hover:underline">
            {entry.subject.name}
          </Link>
        ) : (
          <span className="font-medium text-ink-900">{entry.subject.name}</span>
        )}
        <p className="text-xs">{label}</p>
      </div>
    );
  }
  return <p>{label}</p>;
}

export default async function AuditLogPage({ searchParams }: Props) {
  const { db } = await pageContext("/admin/audit", "admin");
  const raw = await searchParams;
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const search = auditLogSearchSchema.parse(flat);
  const [{ entries, nextAfter }, facets] = await Promise.all([
    listAuditEntries(db, search),
    listAuditFacets(db),
  ]);
  const filtered = queryOf(search) !== "/admin/audit";

  return (
    <div className="page-container">
      <PageHeader title="Audit log" description="Who did what, when, and to which record. Times are UTC." />

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
              {facets.actions.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </SelectField>
            <SelectField name="entity_type" label="Record type" defaultValue={search.entity_type ?? ""}>
              <option value="">Any record</option>
              {facets.entityTypes.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </SelectField>
            <TextField
              name="entity_id"
              label="Record id"
              defaultValue={search.entity_id}
              placeholder="e.g. 42"
              maxLength={40}
            />
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
            <div className="flex items-end gap-2 lg:col-span-2">
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
          <TableScroll aria-label="Audit entries table">
            <Table className="min-w-[56rem]">
              <TableHead className="bg-ink-50/60">
                <tr>
                  <Th>When</Th>
                  <Th>Who</Th>
                  <Th>Action</Th>
                  <Th>Record</Th>
                  <Th>Details</Th>
                </tr>
              </TableHead>
              <TableBody>
                {entries.map((e) => (
                  <tr key={e.id} className="align-top">
                    <Td className="whitespace-nowrap text-ink-700">
                      <UtcTime value={e.createdAt} precision="seconds" />
                      {e.ip ? <p className="font-mono text-xs text-ink-500">{e.ip}</p> : null}
                    </Td>
                    <Td>
                      {e.actor?.kind === "user" ? (
                        <>
                          <p className="font-medium text-ink-900">{e.actor.name}</p>
                          <p className="text-xs text-ink-500">{e.actor.email}</p>
                        </>
                      ) : e.actor?.kind === "api_key" ? (
                        <>
                          <p className="font-medium text-ink-900">{e.actor.name}</p>
                          <p className="text-xs text-ink-500">API key</p>
                        </>
                      ) : (
                        <span className="text-ink-500">System</span>
                      )}
                    </Td>
                    <Td>
                      <Badge tone="info" className="font-mono">
                        {e.action}
                      </Badge>
                    </Td>
                    <Td>
                      <RecordCell entry={e} />
                    </Td>
                    <Td>
                      <Details details={e.details} />
                    </Td>
                  </tr>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
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
