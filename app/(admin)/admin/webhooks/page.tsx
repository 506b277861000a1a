import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableHead, TableScroll, Td, Th } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { pageContext } from "@/lib/auth/page-context";
import { listDeliveries, listEndpoints, type DeliveryJson } from "@/lib/webhooks/manage-endpoints";
import { CreateWebhookForm, EditEventsForm, EndpointActions, RetryDeliveryButton } from "./webhook-forms";

export const metadata: Metadata = { title: "Webhooks" };
export const dynamic = "force-dynamic";

const DELIVERIES_SHOWN = 10;
// The deliveries' scroll box is `relative`: the sr-only "Retry" header would otherwise be placed against
// the page and widen it on a phone.

function DeliveryStatus({ d }: { d: DeliveryJson }) {
  if (d.status === "succeeded") return <Badge tone="success">Delivered</Badge>;
  if (d.status === "failed") return <Badge tone="danger">Failed</Badge>;
  return <Badge tone={d.attempts > 0 ? "warning" : "info"}>{d.attempts > 0 ? "Retrying" : "Queued"}</Badge>;
}

export default async function WebhooksPage() {
  const { db } = await pageContext("/admin/webhooks", "admin");
  const endpoints = await listEndpoints(db);
  const deliveries = await Promise.all(endpoints.map((e) => listDeliveries(db, e.id, DELIVERIES_SHOWN)));
  const autoDisabled = endpoints.filter((e) => e.disabled_reason);

  return (
    <div className="page-container">
      <PageHeader
        title="Webhooks"
        description="Signed HTTP notifications (Standard Webhooks) to your systems when clients, referrals, commissions, payouts and rewards change."
      />
      {autoDisabled.length ? (
        <div
          role="alert"
          className="mb-6 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900"
        >
          <p className="font-medium">
            {autoDisabled.length === 1 ? "An endpoint was" : `${autoDisabled.length} endpoints were`} disabled
            after 3 days of failed deliveries.
          </p>
          <ul className="mt-1 list-disc pl-5">
            {autoDisabled.map((e) => (
              <li key={e.id} className="break-all">
                {e.url}: {e.disabled_reason}. Fix the receiver, then enable it again.
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-6">
          {endpoints.length === 0 ? (
            <Card>
              <CardBody>
                <p className="font-medium text-ink-900">No webhook endpoints yet</p>
                <p className="mt-1 text-sm text-ink-600">
                  Add the URL of the system that should hear about new commissions, payouts and referrals.
                </p>
              </CardBody>
            </Card>
          ) : null}
          {endpoints.map((endpoint, i) => (
            <Card
              key={endpoint.id}
              role="region"
              aria-labelledby={`endpoint-${endpoint.id}`}
              className="min-w-0"
            >
              <CardHeader>
                <CardTitle id={`endpoint-${endpoint.id}`} className="flex flex-wrap items-center gap-2">
                  <span className="font-mono text-sm break-all">{endpoint.url}</span>
                  {endpoint.enabled ? (
                    endpoint.failing_since ? (
                      <Badge tone="warning">Failing</Badge>
                    ) : (
                      <Badge tone="success">Active</Badge>
                    )
                  ) : (
                    <Badge tone="neutral">Disabled</Badge>
                  )}
                </CardTitle>
                <CardDescription>
                  {endpoint.description || "No description"} · {endpoint.events.length} event
                  {endpoint.events.length === 1 ? "" : "s"}
                  {endpoint.failing_since ? (
                    <>
                      {" "}
                      · failing since <UtcTime value={endpoint.failing_since.toISOString()} />
                    </>
                  ) : null}
                </CardDescription>
              </CardHeader>
              <CardBody className="flex flex-col gap-5">
                <EndpointActions endpointId={endpoint.id} enabled={endpoint.enabled} url={endpoint.url} />
                <details className="rounded-lg border border-ink-200 px-4 py-3">
                  <summary className="cursor-pointer text-sm font-medium text-ink-900">
                    Events: {endpoint.events.join(", ")}
                  </summary>
                  <div className="mt-3">
                    <EditEventsForm endpointId={endpoint.id} events={endpoint.events} />
                  </div>
                </details>
                <section aria-labelledby={`deliveries-${endpoint.id}`}>
                  <h3 id={`deliveries-${endpoint.id}`} className="mb-2 text-sm font-semibold text-ink-900">
                    Deliveries
                  </h3>
                  {deliveries[i].length === 0 ? (
                    <p className="text-sm text-ink-600">
                      Nothing sent yet. Use “Send test” to try the endpoint.
                    </p>
                  ) : (
                    <TableScroll
                      className="relative"
                      aria-label={`Deliveries to ${endpoint.url}, scrollable`}
                    >
                      <Table aria-label={`Deliveries to ${endpoint.url}`}>
                        <TableHead>
                          <tr>
                            <Th>Event</Th>
                            <Th>Status</Th>
                            <Th align="right">Attempts</Th>
                            <Th align="right">Response</Th>
                            <Th align="right">Latency</Th>
                            <Th>Last attempt</Th>
                            <Th>
                              <span className="sr-only">Retry</span>
                            </Th>
                          </tr>
                        </TableHead>
                        <TableBody>
                          {deliveries[i].map((d) => (
                            <tr key={d.id}>
                              <Td>
                                <span className="font-mono text-xs">{d.event_type}</span>
                                <span className="block font-mono text-xs text-ink-500">{d.event_id}</span>
                              </Td>
                              <Td>
                                <DeliveryStatus d={d} />
                              </Td>
                              <Td numeric>{d.attempts}</Td>
                              <Td numeric>
                                <span title={d.response_excerpt ?? d.error ?? undefined}>
                                  {d.status_code ?? (d.error ? "—" : "")}
                                </span>
                                {d.error && d.status_code === null ? (
                                  <span className="block text-xs text-ink-500">{d.error}</span>
                                ) : null}
                              </Td>
                              <Td numeric>{d.latency_ms === null ? "" : `${d.latency_ms} ms`}</Td>
                              <Td>
                                {d.last_attempt_at ? (
                                  <UtcTime value={d.last_attempt_at.toISOString()} precision="seconds" />
                                ) : (
                                  "—"
                                )}
                              </Td>
                              <Td>
                                {d.status === "succeeded" ? null : <RetryDeliveryButton deliveryId={d.id} />}
                              </Td>
                            </tr>
                          ))}
                        </TableBody>
                      </Table>
                    </TableScroll>
                  )}
                </section>
              </CardBody>
            </Card>
          ))}
        </div>
        <Card role="region" aria-labelledby="new-endpoint" className="self-start">
          <CardHeader>
            <CardTitle id="new-endpoint">New endpoint</CardTitle>
            <CardDescription>
              Each request carries webhook-id, webhook-timestamp and webhook-signature headers; verify them
              with the secret shown after you create the endpoint.
            </CardDescription>
          </CardHeader>
          <CardBody>
            <CreateWebhookForm />
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
