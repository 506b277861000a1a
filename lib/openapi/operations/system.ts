// Operations for running the service and integrating with it: probes, metrics, inbound webhooks, this document.
import { z } from "zod";
import { defineOperations } from "../operation";

export const systemOperations = defineOperations([
  {
    method: "get",
    path: "/api/health",
    operationId: "getHealth",
    tag: "Operations",
    summary: "Liveness: the process answers (no database read)",
    access: "public",
    responses: {
      200: {
        description: "Alive.",
        schema: z.object({
          status: z.literal("alive"),
          draining: z.boolean(),
          uptimeSeconds: z.number().int(),
        }),
        example: { status: "alive", draining: false, uptimeSeconds: 3600 },
      },
    },
  },
  {
    method: "get",
    path: "/api/ready",
    operationId: "getReady",
    tag: "Operations",
    summary: "Readiness: the database is open, migrated and seeded",
    access: "public",
    responses: {
      200: {
        description: "Ready.",
        schema: z.object({ status: z.literal("ready"), database: z.string() }),
        example: { status: "ready", database: "postgres" },
      },
    },
    errors: { 503: "Not ready yet, or draining after SIGTERM (`Retry-After`)." },
  },
  {
    method: "get",
    path: "/api/metrics",
    operationId: "getMetrics",
    tag: "Operations",
    summary: "Prometheus metrics",
    description: "`Authorization: Bearer <METRICS_TOKEN or an API key>`.",
    access: "admin",
    responses: {
      200: { description: "Prometheus text exposition format.", kind: "file", contentType: "text/plain" },
    },
  },
  {
    method: "post",
    path: "/api/webhooks/stripe",
    operationId: "receiveStripeWebhook",
    tag: "Webhooks in",
    summary: "Stripe events (authenticated by their `Stripe-Signature`)",
    description:
      "The raw body is what Stripe signed. A signed event that is malformed answers 400 `malformed_event`; " +
      "a well-formed one of a type not used here, 200 with `outcome: ignored`.",
    access: "public",
    responses: {
      200: {
        description: "Received.",
        schema: z.object({
          received: z.literal(true),
          event_id: z.string(),
          type: z.string(),
          outcome: z.string(),
          detail: z.string().nullable(),
          payment_id: z.number().int().nullable(),
        }),
        example: {
          received: true,
          event_id: "evt_1QXYZ",
          type: "invoice.paid",
          outcome: "recorded",
          detail: null,
          payment_id: 301,
        },
      },
    },
    errors: {
      400: "Bad signature or malformed event.",
      503: "Stripe webhooks are not configured on this server (`STRIPE_WEBHOOK_SECRET`).",
    },
  },
  {
    method: "get",
    path: "/api/openapi.json",
    operationId: "getOpenApiDocument",
    tag: "Operations",
    summary: "This OpenAPI 3.1 document",
    description: "Generated from the routes' own zod schemas; browse it at /docs/api.",
    access: "public",
    responses: {
      200: {
        description: "The document.",
        kind: "raw",
        schema: z.looseObject({ openapi: z.string() }),
        example: { openapi: "3.1.0", info: { title: "MuseNest Referrals API", version: "1.0.0" }, paths: {} },
      },
    },
  },
]);
