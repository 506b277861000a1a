import { z } from "zod";
import {
  clientIdParamsSchema,
  createReferralCodeSchema,
  referralCodeIdParamsSchema,
  referralCodeParamsSchema,
  updateReferralCodeSchema,
} from "@/lib/validation/referral-codes";
import { referralCodeQrQuerySchema } from "@/lib/validation/referral-qr";
import { defineOperations } from "../operation";
import { id, moneyString, timestamp } from "../shapes";

export const referralCodeSchema = z.object({
  id,
  code: z.string(),
  code_name: z.string().nullable(),
  usage_limit: z.number().int().nullable(),
  usage_count: z.number().int(),
  expires_at: timestamp.nullable(),
  is_active: z.boolean(),
  campaign_id: id.nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});

export const clientCodeSummarySchema = referralCodeSchema.extend({
  actual_usage_count: z.number().int(),
  eligible_referrals: z.number().int(),
  total_commission_earned: moneyString,
});

const codeExample = {
  id: 7,
  code: "MAYA2025",
  code_name: "Instagram bio",
  usage_limit: 100,
  usage_count: 12,
  expires_at: "2026-12-31T23:59:59.999Z",
  is_active: true,
  campaign_id: null,
  created_at: "2025-01-15T10:00:00.000Z",
  updated_at: "2025-06-01T08:30:00.000Z",
};

const OWNERSHIP = "A client may act only for their own id (403 for any other id, existing or not).";

export const referralCodeOperations = defineOperations([
  {
    method: "get",
    path: "/api/clients/{id}/referral-codes",
    operationId: "listReferralCodes",
    tag: "Referral codes",
    summary: "List the client's referral codes with usage and commission counters",
    description: OWNERSHIP,
    access: "user",
    params: clientIdParamsSchema,
    responses: {
      200: {
        description: "Every code of the client.",
        schema: z.array(clientCodeSummarySchema),
        example: [
          { ...codeExample, actual_usage_count: 12, eligible_referrals: 9, total_commission_earned: "29.97" },
        ],
      },
    },
    errors: { 403: OWNERSHIP, 404: "Client not found (admins and API keys)." },
  },
  {
    method: "post",
    path: "/api/clients/{id}/referral-codes",
    operationId: "createReferralCode",
    tag: "Referral codes",
    summary: "Create a referral code (custom or generated)",
    description: `Every field is optional; without \`custom_code\` a code is generated. A code that is taken or badly formed is a 400. ${OWNERSHIP}`,
    access: "user",
    params: clientIdParamsSchema,
    body: createReferralCodeSchema,
    bodyExample: { custom_code: "MAYA-SUMMER", code_name: "Summer campaign", usage_limit: 50 },
    responses: {
      201: {
        description: "Created (`message: Referral code created successfully`).",
        schema: referralCodeSchema,
        example: { ...codeExample, code: "MAYA-SUMMER", code_name: "Summer campaign", usage_limit: 50 },
      },
    },
    errors: { 403: OWNERSHIP, 404: "Client not found." },
  },
  {
    method: "patch",
    path: "/api/clients/{id}/referral-codes/{codeId}",
    operationId: "updateReferralCode",
    tag: "Referral codes",
    summary: "Activate/deactivate a code or change its name, usage limit or expiry",
    description: `Only the fields given change. ${OWNERSHIP}`,
    access: "user",
    params: referralCodeIdParamsSchema,
    body: updateReferralCodeSchema,
    bodyExample: { is_active: false },
    responses: {
      200: { description: "The code as it is now.", schema: referralCodeSchema, example: codeExample },
    },
    errors: { 403: OWNERSHIP, 404: "No such code for this client." },
  },
  {
    method: "get",
    path: "/api/clients/{id}/referral-codes/{codeId}/qr",
    operationId: "downloadReferralCodeQr",
    tag: "Referral codes",
    summary: "Download the code's QR (PNG or SVG)",
    description: `The QR points at the code's invite link (\`src=qr\`). ${OWNERSHIP}`,
    access: "user",
    params: referralCodeIdParamsSchema,
    query: referralCodeQrQuerySchema,
    responses: {
      200: {
        description: "The image as an attachment (`image/png` or `image/svg+xml`).",
        kind: "file",
        contentType: "image/png",
      },
    },
    errors: { 403: OWNERSHIP, 404: "No such code for this client." },
  },
  {
    method: "post",
    path: "/api/clients/{id}/referral-codes/suggestions",
    operationId: "suggestReferralCodes",
    tag: "Referral codes",
    summary: "Five free codes to pick from",
    description: `The seed's shape: \`suggestions\` beside \`success\`, no \`data\`. ${OWNERSHIP}`,
    access: "user",
    params: clientIdParamsSchema,
    responses: {
      200: {
        description: "Suggestions.",
        kind: "raw",
        schema: z.object({ success: z.literal(true), suggestions: z.array(z.string()) }),
        example: { success: true, suggestions: ["MAYA26", "MAYAREF", "MAYA-VIP", "MAYAJ", "MAYA2027"] },
      },
    },
    errors: { 403: OWNERSHIP, 404: "Client not found or not active." },
  },
  {
    method: "get",
    path: "/api/referral-codes/validate/{code}",
    operationId: "validateReferralCode",
    tag: "Referral codes",
    summary: "Whether a code can be used",
    description:
      "The seed's own shape (`{ valid, data | error }`): every lookup answers 200, a failed check too. " +
      "A stranger learns only the code and the referrer's display name; the owner, admins and API keys " +
      "also get the usage figures and the masked e-mail.",
    access: "public",
    params: referralCodeParamsSchema,
    rawErrors: true,
    responses: {
      200: {
        description: "`valid: true` with the code, or `valid: false` with why not.",
        kind: "raw",
        schema: z.union([
          z.object({
            valid: z.literal(true),
            data: z.object({
              code: z.string(),
              referrer_name: z.string(),
              code_name: z.string().nullable().optional(),
              referrer_email: z.string().optional(),
              usage_count: z.number().int().optional(),
              usage_limit: z.number().int().nullable().optional(),
              expires_at: timestamp.nullable().optional(),
            }),
          }),
          z.object({ valid: z.literal(false), error: z.string() }),
        ]),
        example: { valid: true, data: { code: "MAYA2025", referrer_name: "Maya" } },
      },
    },
    errors: { 429: "Too many attempts from this address; `Retry-After` says when to try again." },
  },
]);
