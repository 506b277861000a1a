import { z } from "zod";
import { EVENT_TYPES } from "@/lib/events/event-types";
import {
  createWebhookEndpointSchema,
  updateWebhookEndpointSchema,
  webhookDeliveryParamsSchema,
  webhookEndpointParamsSchema,
} from "@/lib/validation/webhook-endpoints";
import { defineOperations } from "../operation";
import { id, timestamp } from "../shapes";

// What lib/webhooks/manage-endpoints.ts answers (endpointJson, DeliveryJson): never a secret, except the
// one shown at creation and rotation.
const endpoint = z.object({
  id,
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(z.enum(EVENT_TYPES)),
  enabled: z.boolean(),
  disabled_at: timestamp.nullable(),
  disabled_reason: z.string().nullable(),
  failing_since: timestamp.nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});
const secret = z.string().startsWith("whsec_");
const delivery = z.object({
  id,
  event_id: z.string(),
  event_type: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  status_code: z.number().int().nullable(),
  latency_ms: z.number().int().nullable(),
  response_excerpt: z.string().nullable(),
  error: z.string().nullable(),
  last_attempt_at: timestamp.nullable(),
  next_attempt_at: timestamp.nullable(),
  created_at: timestamp,
});

const endpointExample = {
  id: 3,
  url: "https://hooks.example.com/musenest",
  description: "Finance sync",
  events: ["commission.created", "payout.paid"],
  enabled: true,
  disabled_at: null,
  disabled_reason: null,
  failing_since: null,
  created_at: "2026-12-01T09:30:00.000Z",
  updated_at: "2026-12-01T09:30:00.000Z",
};
const secretExample = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const notFound = { 404: "No such webhook endpoint." };

export const webhookOperations = defineOperations([
  {
    method: "get",
    path: "/api/webhook-endpoints",
    operationId: "listWebhookEndpoints",
    tag: "Webhooks out",
    summary: "Every webhook endpoint, without secrets",
    access: "admin",
    responses: {
      200: { description: "The endpoints.", schema: z.array(endpoint), example: [endpointExample] },
    },
  },
  {
    method: "post",
    path: "/api/webhook-endpoints",
    operationId: "createWebhookEndpoint",
    tag: "Webhooks out",
    summary: "Subscribe a URL to events; the signing secret is shown this once",
    description:
      "Deliveries follow the Standard Webhooks specification (`webhook-id`, `webhook-timestamp`, `webhook-signature`). A URL that resolves to a loopback, private, link-local or metadata address is refused.",
    access: "admin",
    body: createWebhookEndpointSchema,
    bodyExample: {
      url: "https://hooks.example.com/musenest",
      events: ["commission.created", "payout.paid"],
      description: "Finance sync",
    },
    responses: {
      201: {
        description: "The endpoint and its `whsec_…` secret.",
        schema: endpoint.extend({ secret }),
        example: { ...endpointExample, secret: secretExample },
      },
    },
  },
  {
    method: "patch",
    path: "/api/webhook-endpoints/{id}",
    operationId: "updateWebhookEndpoint",
    tag: "Webhooks out",
    summary: "Change an endpoint's URL, events, description, or enable/disable it",
    access: "admin",
    params: webhookEndpointParamsSchema,
    body: updateWebhookEndpointSchema,
    bodyExample: { events: ["commission.created"], enabled: true },
    responses: {
      200: { description: "The endpoint as it is now.", schema: endpoint, example: endpointExample },
    },
    errors: notFound,
  },
  {
    method: "delete",
    path: "/api/webhook-endpoints/{id}",
    operationId: "deleteWebhookEndpoint",
    tag: "Webhooks out",
    summary: "Delete an endpoint and its delivery history",
    access: "admin",
    params: webhookEndpointParamsSchema,
    responses: {
      200: {
        description: "Deleted.",
        schema: z.object({ id, deleted: z.literal(true) }),
        example: { id: 3, deleted: true },
      },
    },
    errors: notFound,
  },
  {
    method: "post",
    path: "/api/webhook-endpoints/{id}/rotate-secret",
    operationId: "rotateWebhookSecret",
    tag: "Webhooks out",
    summary: "A new signing secret, shown once, used from now on",
    access: "admin",
    params: webhookEndpointParamsSchema,
    responses: {
      200: {
        description: "The new secret.",
        schema: z.object({ id, secret }),
        example: { id: 3, secret: secretExample },
      },
    },
    errors: notFound,
  },
  {
    method: "post",
    path: "/api/webhook-endpoints/{id}/test",
    operationId: "sendWebhookTest",
    tag: "Webhooks out",
    summary: "Send a signed `webhook.test` event to this endpoint now",
    description: "Answers the outcome; a failed test is retried by the delivery job like any other delivery.",
    access: "admin",
    params: webhookEndpointParamsSchema,
    responses: {
      200: {
        description: "What the endpoint answered.",
        schema: z.object({
          event_id: z.string(),
          delivery_id: id,
          outcome: z.string(),
          status_code: z.number().int().nullable(),
          error: z.string().nullable(),
          next_attempt_at: timestamp.nullable(),
        }),
        example: {
          event_id: "evt_3oW1cXnK8hQ2pR5s",
          delivery_id: 41,
          outcome: "succeeded",
          status_code: 200,
          error: null,
          next_attempt_at: null,
        },
      },
    },
    errors: notFound,
  },
  {
    method: "get",
    path: "/api/webhook-endpoints/{id}/deliveries",
    operationId: "listWebhookDeliveries",
    tag: "Webhooks out",
    summary: "An endpoint's latest 50 deliveries, newest first",
    access: "admin",
    params: webhookEndpointParamsSchema,
    responses: {
      200: {
        description: "Event, attempts, status code, latency and an excerpt of the response.",
        schema: z.array(delivery),
        example: [
          {
            id: 41,
            event_id: "evt_3oW1cXnK8hQ2pR5s",
            event_type: "commission.created",
            status: "succeeded",
            attempts: 1,
            status_code: 200,
            latency_ms: 84,
            response_excerpt: "ok",
            error: null,
            last_attempt_at: "2026-12-01T09:31:02.000Z",
            next_attempt_at: null,
            created_at: "2026-12-01T09:31:00.000Z",
          },
        ],
      },
    },
    errors: notFound,
  },
  {
    method: "post",
    path: "/api/webhook-deliveries/{id}/retry",
    operationId: "retryWebhookDelivery",
    tag: "Webhooks out",
    summary: "Send a delivery again now (same event id)",
    access: "admin",
    params: webhookDeliveryParamsSchema,
    responses: {
      202: {
        description: "Queued again.",
        schema: z.object({ id, status: z.literal("pending") }),
        example: { id: 41, status: "pending" },
      },
    },
    errors: { 404: "No such delivery, or its endpoint is disabled." },
  },
]);
