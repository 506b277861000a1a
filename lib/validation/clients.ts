// Client accounts as the admin area handles them: the list's search params, the create form (the
// `POST /api/clients` contract, read from form fields) and suspend/reactivate.
import { z } from "zod";
import { userStatus } from "@/db/schema/enums";
import { DB_ID_MAX, dbId, text } from "./fields";
import { idParam } from "./referral-codes";
import { createClientSchema } from "./signup";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
/** `"12"` → 12 from a form field, so the API's number rules apply to it unchanged. */
const formInt = (v: unknown) =>
  typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : blankToUndefined(v);

export const CLIENT_STATUS_FILTERS = ["all", ...userStatus.enumValues] as const;
export const CLIENTS_PER_PAGE = 25;

/** `/admin/clients` search params; never refused — odd values fall back (it is a page, not an API). */
export const clientListSearchSchema = z.object({
  q: z.preprocess(blankToUndefined, text("Search", { max: 100 }).optional()).catch(undefined),
  status: z.enum(CLIENT_STATUS_FILTERS).catch("all"),
  // Keyset: clients with a smaller id than this one (newest first).
  after: z.coerce.number().int().positive().max(DB_ID_MAX).optional().catch(undefined),
});
export type ClientListSearch = z.output<typeof clientListSearchSchema>;

/**
 * The admin's "create client" form: the same fields and rules as `POST /api/clients`, read from form
 * strings (numbers parsed, empty fields left out so the API's defaults apply).
 */
export const adminCreateClientSchema = createClientSchema.extend({
  description: z.preprocess(blankToUndefined, createClientSchema.shape.description),
  subscription_tier_id: z.preprocess(formInt, createClientSchema.shape.subscription_tier_id),
  trial_days: z.preprocess(
    formInt,
    z
      .number({ error: "Trial days must be a whole number from 0 to 365" })
      .int({ error: "Trial days must be a whole number from 0 to 365" })
      .min(0, { error: "Trial days must be a whole number from 0 to 365" })
      .max(365, { error: "Trial days must be a whole number from 0 to 365" })
      .default(7),
  ),
  region_id: z.preprocess(formInt, createClientSchema.shape.region_id),
  sales_channel_id: z.preprocess(formInt, createClientSchema.shape.sales_channel_id),
  client_type: z.preprocess(blankToUndefined, createClientSchema.shape.client_type),
});

/** Suspend (the client can no longer sign in and their codes stop validating) or reactivate. */
export const clientStatusChangeSchema = z.object({
  clientId: idParam("Client id"),
  status: z.enum(["active", "suspended"], { error: "Choose active or suspended" }),
});

export const clientPageParamsSchema = z.object({ id: idParam("Client id") });

/** `PUT /api/clients/:id/partner`: the white-label partner (agency) the client belongs to; null clears it. */
export const clientPartnerSchema = z.strictObject({
  partner_user_id: dbId("partner_user_id").nullable(),
});

/**
 * The admin client page's partner form: assign the client given by id or e-mail, or remove the partner.
 * The partner is looked up by e-mail on the page; the rules are assignPartner's, as for the API.
 */
export const adminClientPartnerSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("assign"),
    clientId: idParam("Client id"),
    partner: text("Partner", {
      max: 254,
      messages: { required: "Enter the partner's e-mail or client id" },
    }),
  }),
  z.object({ intent: z.literal("remove"), clientId: idParam("Client id") }),
]);
