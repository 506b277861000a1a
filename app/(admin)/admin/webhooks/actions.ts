"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import {
  createEndpoint,
  deleteEndpoint,
  retryDelivery,
  rotateEndpointSecret,
  sendTestEvent,
  updateEndpoint,
} from "@/lib/webhooks/manage-endpoints";
import {
  createWebhookEndpointFormSchema,
  endpointIdSchema,
  retryDeliverySchema,
  setWebhookEnabledSchema,
  updateWebhookEventsFormSchema,
} from "@/lib/validation/webhook-endpoints";

const PAGE = "/admin/webhooks";

/** Creates an endpoint; its secret is in this one response and never again. */
export const createWebhookEndpointAction = action(
  { access: "admin", schema: createWebhookEndpointFormSchema },
  async (input, { db, actor }) => {
    const endpoint = await createEndpoint(db, input, actor);
    revalidatePath(PAGE);
    return {
      status: "success",
      message: "Endpoint created. Copy the signing secret now: it is shown only once.",
      data: { id: endpoint.id, url: endpoint.url, secret: endpoint.secret },
    };
  },
);

export const updateWebhookEventsAction = action(
  { access: "admin", schema: updateWebhookEventsFormSchema },
  async (input, { db, actor }) => {
    await updateEndpoint(db, input.endpointId, { events: input.events }, actor);
    revalidatePath(PAGE);
    return { status: "success", message: "Events saved." };
  },
);

export const setWebhookEnabledAction = action(
  { access: "admin", schema: setWebhookEnabledSchema },
  async (input, { db, actor }) => {
    await updateEndpoint(db, input.endpointId, { enabled: input.enabled }, actor);
    revalidatePath(PAGE);
    return { status: "success", message: input.enabled ? "Endpoint enabled." : "Endpoint disabled." };
  },
);

export const deleteWebhookEndpointAction = action(
  { access: "admin", schema: endpointIdSchema },
  async (input, { db, actor }) => {
    await deleteEndpoint(db, input.endpointId, actor);
    revalidatePath(PAGE);
    return { status: "success", message: "Endpoint deleted." };
  },
);

export const rotateWebhookSecretAction = action(
  { access: "admin", schema: endpointIdSchema },
  async (input, { db, actor }) => {
    const rotated = await rotateEndpointSecret(db, input.endpointId, actor);
    revalidatePath(PAGE);
    return {
      status: "success",
      message: "New secret. Copy it now: it is shown only once, and the old one no longer signs.",
      data: { secret: rotated.secret },
    };
  },
);

export const sendWebhookTestAction = action(
  { access: "admin", schema: endpointIdSchema },
  async (input, { db, actor }) => {
    const { outcome } = await sendTestEvent(db, input.endpointId, actor);
    revalidatePath(PAGE);
    if (outcome.outcome === "succeeded")
      return { status: "success", message: `Test event delivered (HTTP ${outcome.statusCode}).` };
    return {
      status: "error",
      message: `The test event was not accepted (${"error" in outcome ? outcome.error : outcome.reason}). It will be retried.`,
    };
  },
);

export const retryWebhookDeliveryAction = action(
  { access: "admin", schema: retryDeliverySchema },
  async (input, { db, actor }) => {
    await retryDelivery(db, input.deliveryId, actor);
    revalidatePath(PAGE);
    return { status: "success", message: "Delivery queued again." };
  },
);
