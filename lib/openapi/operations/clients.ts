import { z } from "zod";
import { clientPartnerSchema } from "@/lib/validation/clients";
import { createClientSchema } from "@/lib/validation/signup";
import { clientIdParamsSchema } from "@/lib/validation/referral-codes";
import { defineOperations } from "../operation";
import { id } from "../shapes";

export const createdClientSchema = z.object({
  user_id: id,
  model_id: id,
  account_number: z.string(),
  subscription_id: id,
  temp_password: z.string(),
  login_url: z.string(),
  site_url: z.string(),
  referral_code: z.string(),
  referral_info: z.object({ code_used: z.string(), referred_by: z.string() }).nullable(),
});

export const partnerAssignmentSchema = z.object({
  client_id: id,
  partner: z
    .object({ user_id: id, name: z.string(), email: z.string(), override_bps: z.number().int() })
    .nullable(),
  previous_partner_user_id: id.nullable(),
  changed: z.boolean(),
});

export const clientOperations = defineOperations([
  {
    method: "post",
    path: "/api/clients",
    operationId: "createClient",
    tag: "Clients",
    summary: "Create a client",
    description:
      "The seed's client creation, through the same signup as the form: an account, a site, a trial " +
      "subscription and the client's own referral code. With `referral_code`, the referral is attributed.",
    access: "admin",
    body: createClientSchema,
    bodyExample: {
      name: "Sarah Johnson",
      email: "sarah@example.org",
      business_type: "escort",
      referral_code: "MAYA2025",
      subscription_tier_id: 2,
    },
    responses: {
      201: {
        description: "Created (`message: Client created successfully`).",
        schema: createdClientSchema,
        example: {
          user_id: 42,
          model_id: 17,
          account_number: "MO-US-30-000042",
          subscription_id: 40,
          temp_password: "vG7#p2Lq9x",
          login_url: "/login?email=sarah%40example.org",
          site_url: "/sarah-johnson",
          referral_code: "SARAH2026",
          referral_info: { code_used: "MAYA2025", referred_by: "maya@example.com" },
        },
      },
    },
  },
  {
    method: "put",
    path: "/api/clients/{id}/partner",
    operationId: "assignClientPartner",
    tag: "Clients",
    summary: "Assign or clear the client's white-label partner",
    description: "Applies to payments recorded after the change; audited.",
    access: "admin",
    params: clientIdParamsSchema,
    body: clientPartnerSchema,
    bodyExample: { partner_user_id: 12 },
    responses: {
      200: {
        description: "The assignment (`changed: false` when it was already so).",
        schema: partnerAssignmentSchema,
        example: {
          client_id: 42,
          partner: { user_id: 12, name: "Studio North", email: "partner@example.com", override_bps: 500 },
          previous_partner_user_id: null,
          changed: true,
        },
      },
    },
    errors: { 404: "No such client or partner." },
  },
]);
