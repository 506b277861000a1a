import { z } from "zod";
import { commissionKind, commissionLevel, commissionStatus, paymentType } from "@/db/schema/enums";
import { referralAnalyticsQuerySchema } from "@/lib/validation/analytics";
import { commissionListQuerySchema, recordPaymentSchema } from "@/lib/validation/payments";
import { clientIdParamsSchema } from "@/lib/validation/referral-codes";
import { defineOperations } from "../operation";
import { currencyAmount, id, moneyString, timestamp } from "../shapes";

const centsInt = z.number().int();

const paymentExample = {
  payment_id: 301,
  external_id: "inv_2025_0001",
  type: "payment",
  amount_cents: 2999,
  currency: "usd",
  occurred_at: "2025-06-01T12:00:00.000Z",
  commissions: [
    {
      id: 88,
      beneficiary_user_id: 2,
      level: "direct",
      kind: "earning",
      amount_cents: 300,
      status: "pending",
      hold_until: "2025-07-01T12:00:00.000Z",
    },
  ],
};

export const recordedPaymentSchema = z.object({
  payment_id: id,
  external_id: z.string(),
  type: z.enum(paymentType.enumValues),
  amount_cents: centsInt,
  currency: z.string(),
  occurred_at: timestamp,
  commissions: z.array(
    z.object({
      id,
      beneficiary_user_id: id,
      level: z.enum(commissionLevel.enumValues),
      kind: z.enum(commissionKind.enumValues),
      amount_cents: centsInt,
      status: z.enum(commissionStatus.enumValues),
      hold_until: timestamp,
    }),
  ),
});

export const commissionTotalsSchema = z.object({
  total_commission_earned: moneyString,
  commission_pending: moneyString,
  commission_on_hold: moneyString,
  commission_approved: moneyString,
  commission_paid: moneyString,
  total_commission_earned_cents: centsInt,
  commission_pending_cents: centsInt,
  commission_on_hold_cents: centsInt,
  commission_in_review_cents: centsInt,
  commission_approved_cents: centsInt,
  commission_paid_cents: centsInt,
  commission_reversed_cents: centsInt,
});

export const clientCommissionsSchema = z.object({
  summary: commissionTotalsSchema,
  commissions: z.array(
    z.object({
      id,
      level: z.enum(commissionLevel.enumValues),
      kind: z.enum(commissionKind.enumValues),
      amount_cents: centsInt,
      amount: moneyString,
      status: z.enum(commissionStatus.enumValues),
      hold_until: timestamp,
      created_at: timestamp,
      note: z.string().nullable(),
      referral: z
        .object({
          id,
          code_used: z.string(),
          referred_user_email: z.string(),
          commission_amount: moneyString,
          commission_amount_cents: centsInt,
          commission_eligible: z.boolean(),
          commission_paid: z.boolean(),
        })
        .nullable(),
    }),
  ),
});

/** The overview (codes, latest referrals, summary) or, with `period=monthly`, one month's report. */
export const referralAnalyticsSchema = z.union([
  z.looseObject({
    codes: z.array(
      z.looseObject({
        id,
        code: z.string(),
        total_signups: z.number().int(),
        // total_commission_earned is usd; this lists every currency the code earned in, usd first.
        commission_by_currency: z.array(currencyAmount),
      }),
    ),
    recent_referrals: z.array(
      z.looseObject({
        used_at: timestamp,
        referred_user_email: z.string(),
        // commission_amount is usd; this lists every currency the referral earned in, usd first.
        commission_by_currency: z.array(currencyAmount),
      }),
    ),
    summary: z.looseObject({
      total_codes: z.number().int(),
      active_codes: z.number().int(),
      total_referrals: z.number().int(),
      total_commission_earned: moneyString,
      commission_pending: moneyString,
      // The money figures above are usd; the same in each other currency (never added to them).
      other_currencies: z.array(
        z.object({
          currency: z.string(),
          total_commission_earned: currencyAmount.shape.amount,
          commission_pending: currencyAmount.shape.amount,
          commission_paid: currencyAmount.shape.amount,
        }),
      ),
    }),
  }),
  z.looseObject({
    period: z.string(),
    total_referrals: z.number().int(),
    new_referrals: z.number().int(),
    commission_earned: moneyString,
    commission_pending: moneyString,
    top_performing_code: z.string().nullable(),
    conversion_rate: z.number().nullable(),
    // The money figures above are usd; the month's commissions in each other currency (never added to them).
    other_currencies: z.array(
      z.object({
        currency: z.string(),
        commission_earned: currencyAmount.shape.amount,
        commission_pending: currencyAmount.shape.amount,
        commission_on_hold: currencyAmount.shape.amount,
        commission_approved: currencyAmount.shape.amount,
      }),
    ),
  }),
]);

const OWNERSHIP = "A client may read only their own id (403 for any other id).";

export const moneyOperations = defineOperations([
  {
    method: "post",
    path: "/api/payments",
    operationId: "recordPayment",
    tag: "Payments",
    summary: "Record a client's payment, refund or chargeback",
    description:
      "Writes the commissions it earns (or reverses). Idempotent on `external_id`: the same id again " +
      "answers 200 with the first result and writes nothing.",
    access: "admin",
    body: recordPaymentSchema,
    bodyExample: {
      external_id: "inv_2025_0001",
      user_id: 42,
      amount_cents: 2999,
      occurred_at: "2025-06-01T12:00:00Z",
    },
    responses: {
      201: {
        description: "Recorded (`message: Payment recorded`).",
        schema: recordedPaymentSchema,
        example: paymentExample,
      },
      200: {
        description: "Already recorded (`message: Payment already recorded`).",
        schema: recordedPaymentSchema,
        example: paymentExample,
      },
    },
    errors: {
      404: "The paying client (or the payment refunded) is not known.",
      409: "Conflicts with a recorded payment.",
    },
  },
  {
    method: "get",
    path: "/api/clients/{id}/commissions",
    operationId: "listClientCommissions",
    tag: "Payments",
    summary: "The client's commission totals and latest ledger rows",
    description: OWNERSHIP,
    access: "user",
    params: clientIdParamsSchema,
    query: commissionListQuerySchema,
    responses: {
      200: {
        description: "Totals summed from the ledger, and the latest rows (`limit`, default 50).",
        schema: clientCommissionsSchema,
        example: {
          summary: {
            total_commission_earned: "29.97",
            commission_pending: "9.99",
            commission_on_hold: "9.99",
            commission_approved: "0.00",
            commission_paid: "19.98",
            total_commission_earned_cents: 2997,
            commission_pending_cents: 999,
            commission_on_hold_cents: 999,
            commission_in_review_cents: 0,
            commission_approved_cents: 0,
            commission_paid_cents: 1998,
            commission_reversed_cents: 0,
          },
          commissions: [],
        },
      },
    },
    errors: { 403: OWNERSHIP, 404: "Client not found." },
  },
  {
    method: "get",
    path: "/api/clients/{id}/referral-analytics",
    operationId: "getReferralAnalytics",
    tag: "Analytics",
    summary: "The client's referral analytics, or one month's report",
    description: `E-mails are masked unless an admin asks. ${OWNERSHIP}`,
    access: "user",
    params: clientIdParamsSchema,
    query: referralAnalyticsQuerySchema,
    responses: {
      200: {
        description: "The overview; with `period=monthly` the report for `month` (UTC, default this month).",
        schema: referralAnalyticsSchema,
        example: {
          period: "2025-06",
          total_referrals: 14,
          new_referrals: 3,
          commission_earned: "8.97",
          commission_pending: "8.97",
          commission_on_hold: "8.97",
          commission_approved: "0.00",
          top_performing_code: "MAYA2025",
          conversion_rate: 0.12,
          other_currencies: [
            {
              currency: "eur",
              commission_earned: "3.99",
              commission_pending: "3.99",
              commission_on_hold: "3.99",
              commission_approved: "0.00",
            },
          ],
        },
      },
    },
    errors: { 403: OWNERSHIP, 404: "Client not found." },
  },
]);
