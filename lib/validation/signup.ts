import { parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";
import { referralSource, userStatus } from "@/db/schema/enums";
import { emailSchema, newPasswordSchema, strongPasswordFor } from "./auth";
import { BUSINESS_TYPES } from "./business-types";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** Optional phone, validated and stored in E.164 (`+14155550100`); numbers without a country code are read as US. */
export const phoneSchema = z.preprocess(
  blankToUndefined,
  z
    .string()
    .max(40)
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

const referralCodeField = z.preprocess(blankToUndefined, z.string().trim().max(40).optional());

/** The /signup form. */
export const signupSchema = z
  .object({
    name: z.string().trim().min(2, { error: "Enter your name" }).max(100, { error: "Name is too long" }),
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
  name: z.string({ error: "name is required" }).trim().min(1, { error: "name is required" }).max(100),
  email: emailSchema,
  phone: phoneSchema,
  business_type: z
    .string({ error: "business_type is required" })
    .trim()
    .min(1, { error: "business_type is required" })
    .max(50),
  description: z.string().max(2000).optional(),
  template_id: z.number().int().positive().optional(),
  subscription_tier_id: z.number().int().positive().optional(),
  ai_config: z.record(z.string(), z.unknown()).optional(),
  status: z.enum(userStatus.enumValues).default("active"),
  trial_days: z.number().int().min(0).max(365).default(7),
  client_type: z.string().trim().min(1).max(30).default("muse_owned"),
  region_id: z.number().int().positive().default(1),
  sales_channel_id: z.number().int().min(0).max(99).default(30),
  referral_code: referralCodeField,
  source: z.enum(referralSource.enumValues).optional(),
});
export type CreateClientBody = z.infer<typeof createClientSchema>;
