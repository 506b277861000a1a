// POST /api/payments: the contract of SPEC "Payments in", parsed into recordPayment's input.
import { z } from "zod";
import { paymentType } from "@/db/schema/enums";
import type { RecordPaymentInput } from "@/lib/commissions/record-payment";
import { cents, currencyCode, DB_ID_MAX, email, isoTimestamp, text } from "./fields";

const externalId = (label: string) => text(label, { max: 200, messages: { type: `${label} is required` } });

export const recordPaymentSchema = z
  .object({
    external_id: externalId("external_id"),
    user_id: z
      .number({ error: "user_id must be a number" })
      .int({ error: "user_id must be a whole number" })
      .min(1, { error: "user_id must be positive" })
      .max(DB_ID_MAX, { error: "user_id is out of range" })
      .optional(),
    email: email("email").optional(),
    amount_cents: cents("amount_cents", { min: 1 }),
    // Any ISO 4217 code; amount_cents is in its minor units (yen for JPY, fils for KWD).
    currency: currencyCode("currency").default("usd"),
    type: z
      .enum(paymentType.enumValues, { error: "type must be payment, refund or chargeback" })
      .default("payment"),
    refund_of: externalId("refund_of").optional(),
    occurred_at: isoTimestamp("occurred_at").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.type === "payment") {
      if (v.user_id === undefined && v.email === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["user_id"],
          message: "Provide user_id or email of the paying client",
        });
      }
      if (v.refund_of !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["refund_of"],
          message: "refund_of is only for refunds and chargebacks",
        });
      }
    } else if (v.refund_of === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["refund_of"],
        message: `A ${v.type} needs refund_of: the payment it undoes`,
      });
    }
  })
  .transform((v): RecordPaymentInput => ({
    externalId: v.external_id,
    userId: v.user_id ?? null,
    email: v.email ?? null,
    amountCents: v.amount_cents,
    currency: v.currency,
    type: v.type,
    refundOf: v.refund_of ?? null,
    occurredAt: v.occurred_at ?? null,
    source: "api",
  }));

export const commissionListQuerySchema = z.object({
  limit: z
    .string()
    .regex(/^\d{1,3}$/, { error: "limit must be a whole number from 1 to 200" })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(1, { error: "limit must be at least 1" })
        .max(200, { error: "limit must be at most 200" }),
    )
    .optional(),
});
