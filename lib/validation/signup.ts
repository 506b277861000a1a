import { parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";
import { referralSource, userStatus } from "@/db/schema/enums";
import { emailSchema, newPasswordSchema, strongPasswordFor } from "./auth";
import { BUSINESS_TYPES } from "./business-types";
import { dbId, text } from "./fields";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** Optional phone, validated and stored in E.164 (`+14155550100`); numbers without a country code are read as US. */
export const phoneSchema = z.preprocess(
  blankToUndefined,
  text("Phone", { max: 40 })
    .transform((value, ctx) => {
      const phone = parsePhoneNumberFromString(value, "US");
      if (!phone || !phone.isValid()) {
        ctx.addIssue({ code: "custom", message: "Enter a valid phone number, e.g. +1 415 555 0100" });
        return z.NEVER;
      }
      return phone.number;
    })
    .optional(),
);

const referralCodeField = z.preprocess(blankToUndefined, text("Referral code", { max: 40 }).optional());

/** The /signup form. */
export const signupSchema = z
  .object({
    name: text("Name", {
      min: 2,
      max: 100,
      messages: { required: "Enter your name", tooLong: "Name is too long" },
    }),
    email: emailSchema,
    phone: phoneSchema,
    password: newPasswordSchema,
    businessType: z.enum(BUSINESS_TYPES, { error: "Choose what describes your business" }),
    referralCode: referralCodeField,
  })
  .superRefine(strongPasswordFor("password"));
export type SignupForm = z.infer<typeof signupSchema>;

/** `POST /api/clients`: the seed's request body. */
export const createClientSchema = z.object({
  name: text("name", { max: 100, messages: { type: "name is required" } }),
  email: emailSchema,
  phone: phoneSchema,
  business_type: text("business_type", { max: 50, messages: { type: "business_type is required" } }),
  description: text("description", { min: 0, max: 2000, multiline: true }).optional(),
  template_id: dbId("template_id").optional(),
  subscription_tier_id: dbId("subscription_tier_id").optional(),
  // Stored as jsonb, which refuses U+0000 anywhere in it; bounded so a body can't fill a row.
  ai_config: z
    .record(z.string(), z.unknown())
    .refine((v) => !JSON.stringify(v).includes("\\u0000"), {
      error: "ai_config must not contain NUL characters",
    })
    .refine((v) => JSON.stringify(v).length <= 20_000, { error: "ai_config is too large" })
    .optional(),
  status: z.enum(userStatus.enumValues).default("active"),
  trial_days: z.number().int().min(0).max(365).default(7),
  client_type: text("client_type", { max: 30 }).default("muse_owned"),
  region_id: dbId("region_id").default(1),
  sales_channel_id: z.number().int().min(0).max(99).default(30),
  referral_code: referralCodeField,
  source: z.enum(referralSource.enumValues).optional(),
});
export type CreateClientBody = z.infer<typeof createClientSchema>;
