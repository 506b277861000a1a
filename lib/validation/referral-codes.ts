// Referral-code input as forms, actions and routes receive it (the seed's snake_case fields), parsed into
// the domain's input types. Forms send strings: "" means "not set" (no limit, no expiry, generated code).
import { z } from "zod";
import { CODE_NAME_MAX_LENGTH, USAGE_LIMIT_MAX } from "@/lib/referrals/code-settings";
import type { CreateReferralCodeInput } from "@/lib/referrals/create-code";
import type { UpdateReferralCodeInput } from "@/lib/referrals/update-code";
import { DB_ID_MAX, text, YEAR_MAX } from "./fields";

// Ids are int4 columns: anything larger would be a database error, not a 404.
const INT4_MAX = DB_ID_MAX;

/** A path segment such as `/api/clients/12`: digits only, so `12abc`, `-1` and `1e3` are a 400. */
export const idParam = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^[1-9][0-9]{0,9}$/, { error: `${label} must be a positive whole number` })
    .transform(Number)
    .pipe(z.number().max(INT4_MAX, { error: `${label} is out of range` }));

export const clientIdParamsSchema = z.object({ id: idParam("Client id") });
export const referralCodeIdParamsSchema = z.object({ id: idParam("Client id"), codeId: idParam("Code id") });
/** The public validate endpoint answers every string itself (`Invalid code format`), so no rules here. */
export const referralCodeParamsSchema = z.object({ code: z.string() });

/** `"12"` → 12 for form fields; `""` → null (unset). Other values reach the number schema as they are. */
const formNumber = (value: unknown) => {
  if (value === "") return null;
  if (typeof value === "string" && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return value;
};

const usageLimitSchema = z.preprocess(
  formNumber,
  z
    .number({ error: "Usage limit must be a whole number (or empty for unlimited)" })
    .int({ error: "Usage limit must be a whole number (or empty for unlimited)" })
    .min(1, { error: "Usage limit must be at least 1 (or empty for unlimited)" })
    .max(USAGE_LIMIT_MAX, { error: "Usage limit is too large" })
    .nullable(),
);

const campaignIdSchema = z.preprocess(
  formNumber,
  z
    .number({ error: "Campaign id must be a positive whole number" })
    .int({ error: "Campaign id must be a positive whole number" })
    .min(1, { error: "Campaign id must be a positive whole number" })
    .max(INT4_MAX, { error: "Campaign id is out of range" })
    .nullable(),
);

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const EXPIRY_FORMAT = "Expiry must be an ISO date such as 2025-12-31 or 2025-12-31T23:59:59Z";
const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

/**
 * ISO date-time with a zone (`2025-12-31T23:59:59Z`), or a plain date (`2025-12-31`, a date input) that
 * means "usable through that day" (UTC), i.e. 23:59:59.999Z. Must be in the future; "" or null = never.
 */
const expiresAtSchema = z.preprocess(
  (value) => (value === "" ? null : value),
  z
    .string({ error: EXPIRY_FORMAT })
    .trim()
    .refine((s) => isoDate.safeParse(s).success || isoDateTime.safeParse(s).success, { error: EXPIRY_FORMAT })
    .transform((s) => new Date(DATE_ONLY.test(s) ? `${s}T23:59:59.999Z` : s))
    .refine((date) => date.getTime() > Date.now(), { error: "Expiry date must be in the future" })
    .refine((date) => date.getUTCFullYear() <= YEAR_MAX, {
      error: `Expiry date must be in ${YEAR_MAX} or earlier`,
    })
    .nullable(),
);

const codeNameSchema = text("Code name", { min: 0, max: CODE_NAME_MAX_LENGTH })
  .nullable()
  .transform((name) => name || null);

const isActiveSchema = z.preprocess(
  (value) =>
    value === "true" || value === "on" ? true : value === "false" || value === "off" ? false : value,
  z.boolean({ error: "is_active must be true or false" }),
);

/** POST /api/clients/:id/referral-codes (the seed's body, plus `campaign_id`); every field optional. */
export const createReferralCodeSchema = z
  .object({
    code_name: codeNameSchema.optional(),
    usage_limit: usageLimitSchema.optional(),
    expires_at: expiresAtSchema.optional(),
    // The format rules (and their itemised details) are the domain's: it answers "Invalid code format".
    custom_code: text("Custom code", {
      min: 0,
      max: 40,
      messages: { tooLong: "Invalid code format" },
    }).nullish(),
    campaign_id: campaignIdSchema.optional(),
  })
  .transform((v): CreateReferralCodeInput => ({
    customCode: v.custom_code || undefined,
    codeName: v.code_name,
    usageLimit: v.usage_limit,
    expiresAt: v.expires_at,
    campaignId: v.campaign_id,
  }));

/** PATCH /api/clients/:id/referral-codes/:codeId: only the fields given change. */
export const updateReferralCodeSchema = z
  .object({
    is_active: isActiveSchema.optional(),
    usage_limit: usageLimitSchema.optional(),
    expires_at: expiresAtSchema.optional(),
    code_name: codeNameSchema.optional(),
  })
  .refine((v) => Object.values(v).some((value) => value !== undefined), {
    error: "Provide at least one of is_active, usage_limit, expires_at, code_name",
  })
  .transform((v): UpdateReferralCodeInput => ({
    isActive: v.is_active,
    codeName: v.code_name,
    usageLimit: v.usage_limit,
    expiresAt: v.expires_at,
  }));

export type CreateReferralCodeForm = z.input<typeof createReferralCodeSchema>;
export type UpdateReferralCodeForm = z.input<typeof updateReferralCodeSchema>;

/** The dashboard's edit forms: which code (the owner is the signed-in client), then the same fields as PATCH. */
export const updateOwnReferralCodeSchema = z
  .object({ code_id: idParam("Code id") })
  .and(updateReferralCodeSchema)
  .transform(({ code_id, ...patch }) => ({ codeId: code_id, patch: patch as UpdateReferralCodeInput }));
