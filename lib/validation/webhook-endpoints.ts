import { z } from "zod";
import { EVENT_TYPES } from "@/lib/events/event-types";
import { text } from "./fields";
import { idParam } from "./referral-codes";

const url = text("URL", {
  max: 2000,
  messages: { required: "Enter the URL that receives the webhooks" },
}).refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
  error: "Enter a full URL, like https://example.com/webhooks",
});
const events = z
  .array(z.enum(EVENT_TYPES, { error: `Events must be among: ${EVENT_TYPES.join(", ")}` }), {
    error: "Choose the events to send",
  })
  .min(1, { error: "Choose at least one event" })
  .max(EVENT_TYPES.length)
  .transform((list) => [...new Set(list)]);
const description = text("Description", { min: 0, max: 500 });

/** `POST /api/webhook-endpoints` and the admin form: where to send which events. */
export const createWebhookEndpointSchema = z.object({
  url,
  events,
  description: description.optional().default(""),
});

/** `PATCH /api/webhook-endpoints/:id`: any of the fields; `enabled: false` disables, `true` re-enables. */
export const updateWebhookEndpointSchema = z
  .object({ url, events, description, enabled: z.boolean({ error: "enabled must be true or false" }) })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { error: "Send at least one field to change" });

export const webhookEndpointParamsSchema = z.object({ id: idParam("Endpoint id") });
export const webhookDeliveryParamsSchema = z.object({ id: idParam("Delivery id") });

/** The admin page's forms: the endpoint id beside the fields (checkboxes arrive as a list of events). */
export const endpointIdSchema = z.object({ endpointId: idParam("Endpoint id") });
export const updateWebhookEventsSchema = endpointIdSchema.extend({ events });
export const retryDeliverySchema = z.object({ deliveryId: idParam("Delivery id") });

export type CreateWebhookEndpointBody = z.output<typeof createWebhookEndpointSchema>;
export type UpdateWebhookEndpointBody = z.output<typeof updateWebhookEndpointSchema>;

/** The admin form's checkboxes are one field per event (`event:commission.created` = "on"). */
export const eventFieldName = (type: string) => `event:${type}`;
function eventsFromForm(values: unknown): unknown {
  if (values === null || typeof values !== "object") return values;
  const form = values as Record<string, unknown>;
  return { ...form, events: EVENT_TYPES.filter((type) => form[eventFieldName(type)] === "on") };
}

export const createWebhookEndpointFormSchema = z.preprocess(eventsFromForm, createWebhookEndpointSchema);
export const updateWebhookEventsFormSchema = z.preprocess(eventsFromForm, updateWebhookEventsSchema);
export const setWebhookEnabledSchema = endpointIdSchema.extend({
  enabled: z
    .enum(["true", "false"], { error: "enabled must be true or false" })
    .transform((v) => v === "true"),
});
