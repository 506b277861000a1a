import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CardList } from "@/components/ui/card-list";
import { PageHeader } from "@/components/ui/page-header";
import { pageContext } from "@/lib/auth/page-context";
import { formatDate } from "@/lib/format";
import { listApiKeys } from "@/lib/queries/api-keys";
import { CreateApiKeyForm, RevokeApiKeyButton } from "./api-key-forms";

export const metadata: Metadata = { title: "API keys" };
export const dynamic = "force-dynamic";

export default async function ApiKeysPage() {
  const { db } = await pageContext("/admin/api-keys", "admin");
  const keys = await listApiKeys(db);

  return (
    <div className="page-container">
      <PageHeader
        title="API keys"
        description="Keys let other systems create clients, report payments and export referrals. Send one as Authorization: Bearer <key>."
        actions={
          // A plain link: /docs/api is a route handler (Scalar's viewer), not a page of this app's router.
          <a href="/docs/api" className={buttonClasses({ variant: "secondary" })}>
            API reference
          </a>
        }
      />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card role="region" aria-labelledby="keys-title" className="min-w-0">
          <CardHeader>
            <CardTitle id="keys-title">Keys</CardTitle>
            <CardDescription>
              Only a key&apos;s first characters are kept in clear, to tell keys apart.
            </CardDescription>
          </CardHeader>
          <CardList
            items={keys}
            aria-label="API keys"
            empty={{ title: "No API keys yet", text: "Create one for each system that calls the API." }}
          >
            {(k) => (
              <li key={k.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 text-sm">
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-ink-900">{k.name}</span>
                    {k.revokedAt ? (
                      <Badge tone="neutral">Revoked {formatDate(k.revokedAt)}</Badge>
                    ) : (
                      <Badge tone="success">Active</Badge>
                    )}
                  </p>
                  <p className="text-xs text-ink-500">
                    <span className="font-mono">{k.prefix}…</span> · created {formatDate(k.createdAt)}
                    {k.createdBy ? ` by ${k.createdBy}` : ""} ·{" "}
                    {k.lastUsedAt ? `last used ${formatDate(k.lastUsedAt)}` : "never used"}
                  </p>
                </div>
                {k.revokedAt ? null : <RevokeApiKeyButton keyId={k.id} name={k.name} />}
              </li>
            )}
          </CardList>
        </Card>
        <Card role="region" aria-labelledby="new-key" className="self-start">
          <CardHeader>
            <CardTitle id="new-key">New key</CardTitle>
            <CardDescription>Name it after the system that will use it.</CardDescription>
          </CardHeader>
          <CardBody>
            <CreateApiKeyForm />
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
