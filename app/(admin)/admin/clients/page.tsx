import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CardList } from "@/components/ui/card-list";
import { Input, Label, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { pageContext } from "@/lib/auth/page-context";
import { formatDate } from "@/lib/format";
import { listClients, listSubscriptionTierOptions } from "@/lib/queries/admin-clients";
import { BUSINESS_TYPES } from "@/lib/validation/business-types";
import { CLIENT_STATUS_FILTERS, clientListSearchSchema } from "@/lib/validation/clients";
import { CreateClientForm } from "./create-client-form";
import { statusTone } from "./status";

export const metadata: Metadata = { title: "Clients" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminClientsPage({ searchParams }: Props) {
  const { db } = await pageContext("/admin/clients", "admin");
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const search = clientListSearchSchema.parse({
    q: first(raw.q),
    status: first(raw.status),
    after: first(raw.after),
  });
  const [{ clients, nextAfter }, tiers] = await Promise.all([
    listClients(db, search),
    listSubscriptionTierOptions(db),
  ]);

  const query = (extra: Record<string, string | number | undefined>) => {
    const params = new URLSearchParams();
    if (search.q) params.set("q", search.q);
    if (search.status !== "all") params.set("status", search.status);
    for (const [k, v] of Object.entries(extra)) if (v !== undefined) params.set(k, String(v));
    const qs = params.toString();
    return qs ? `/admin/clients?${qs}` : "/admin/clients";
  };

  return (
    <div className="page-container">
      <PageHeader
        title="Clients"
        description="Find a client, open their codes and referrals, create accounts, suspend or reactivate."
      />

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card role="region" aria-labelledby="client-list" className="min-w-0">
          <CardHeader>
            <CardTitle id="client-list">All clients</CardTitle>
            <form
              method="get"
              action="/admin/clients"
              role="search"
              className="mt-2 flex flex-col gap-3 sm:flex-row sm:items-end"
            >
              <div className="flex flex-1 flex-col gap-1.5">
                <Label htmlFor="q">Search</Label>
                <Input
                  id="q"
                  name="q"
                  type="search"
                  defaultValue={search.q}
                  placeholder="Name, e-mail, account number or code"
                  maxLength={100}
                />
              </div>
              <div className="flex flex-col gap-1.5 sm:w-40">
                <Label htmlFor="status">Status</Label>
                <Select id="status" name="status" defaultValue={search.status}>
                  {CLIENT_STATUS_FILTERS.map((s) => (
                    <option key={s} value={s}>
                      {s === "all" ? "Any status" : s[0].toUpperCase() + s.slice(1)}
                    </option>
                  ))}
                </Select>
              </div>
              <Button type="submit" variant="secondary">
                Search
              </Button>
            </form>
          </CardHeader>
          <CardList
            items={clients}
            aria-label="Clients"
            empty={{
              title: search.q || search.status !== "all" ? "No client matches" : "No clients yet",
              text: search.q
                ? "Try part of the name or e-mail, or a code."
                : "Create the first one with the form.",
            }}
          >
            {(c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3">
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2">
                    <Link
                      href={`/admin/clients/${c.id}`}
                      className="font-medium text-ink-900 hover:text-brand-700 hover:underline"
                    >
                      {c.name}
                    </Link>
                    {c.status !== "active" ? <Badge tone={statusTone(c.status)}>{c.status}</Badge> : null}
                  </p>
                  <p className="truncate text-sm text-ink-500">{c.email}</p>
                  <p className="text-xs text-ink-500">
                    <span className="font-mono">{c.accountNumber ?? "—"}</span> · joined{" "}
                    {formatDate(c.createdAt)}
                    {c.referredBy ? ` · referred by ${c.referredBy}` : ""}
                  </p>
                </div>
                <dl className="flex gap-6 text-sm">
                  <div className="text-right">
                    <dt className="text-xs text-ink-500">Referrals</dt>
                    <dd className="tabular-nums">{c.referrals.toLocaleString("en-US")}</dd>
                  </div>
                  <div className="text-right">
                    <dt className="text-xs text-ink-500">Codes</dt>
                    <dd className="tabular-nums">{c.codes}</dd>
                  </div>
                </dl>
              </li>
            )}
          </CardList>
          <nav aria-label="Pages" className="flex justify-end gap-2 border-t border-ink-100 px-5 py-3">
            {search.after ? (
              <ButtonLink href={query({})} variant="secondary" size="sm">
                First page
              </ButtonLink>
            ) : null}
            {nextAfter ? (
              <ButtonLink href={query({ after: nextAfter })} variant="secondary" size="sm">
                Next
              </ButtonLink>
            ) : (
              <span className="text-sm text-ink-500">{clients.length ? "End of the list" : ""}</span>
            )}
          </nav>
        </Card>

        <Card role="region" aria-labelledby="new-client" className="order-first self-start lg:order-none">
          <CardHeader>
            <CardTitle id="new-client">New client</CardTitle>
            <CardDescription>They get a temporary password to change at first sign-in.</CardDescription>
          </CardHeader>
          <CardBody>
            <CreateClientForm tiers={tiers} businessTypes={[...BUSINESS_TYPES]} />
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
