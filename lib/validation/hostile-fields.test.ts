// Every resource schema refuses what PostgreSQL would choke on, with a message naming the field: a NUL
// (or other control character) in text, an id past int4, a date in year 9999. Each case starts from a
// body the schema accepts, so a refusal is the hostile value's and not some other field's.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { referralAnalyticsQuerySchema } from "./analytics";
import { createApiKeySchema, revokeApiKeySchema } from "./api-keys";
import { auditLogSearchSchema } from "./audit-log";
import { campaignFormSchema, linkCodesSchema, unlinkCodeSchema, updateCampaignSchema } from "./campaigns";
import { adminCreateClientSchema, clientListSearchSchema, clientStatusChangeSchema } from "./clients";
import { emailInvitesSchema } from "./email-invites";
import { recordPaymentSchema } from "./payments";
import { createPayoutBatchSchema, markPayoutBatchPaidSchema } from "./payouts";
import { redeemSchema } from "./redemptions";
import {
  createReferralCodeSchema,
  updateOwnReferralCodeSchema,
  updateReferralCodeSchema,
} from "./referral-codes";
import { parseReportSearch, referralExportQuerySchema, referralReportFiltersSchema } from "./referral-report";
import { reviewDecisionSchema } from "./referral-review";
import { catalogItemFormSchema } from "./reward-catalog";
import { rewardRuleFormSchema } from "./reward-rules";
import { createClientSchema, signupSchema } from "./signup";

const NUL = "\u0000";
const PAST_INT4 = 2_147_483_648;

type Case = [
  label: string,
  schema: z.ZodType,
  valid: Record<string, unknown>,
  hostile: Record<string, unknown>,
  message: RegExp,
];

const CONTROL = /must not contain control characters/;
const client = { name: "Maya", email: "maya@example.com", business_type: "creator" };
const signup = {
  name: "Maya Lopez",
  email: "maya@example.com",
  password: "correct horse battery",
  businessType: "creator",
};
const campaign = { campaignName: "Holiday", commissionType: "percentage", rate: "20" };
const offer = {
  kind: "offer",
  isActive: "on",
  name: "Spring",
  referrals: "3",
  withinDays: "30",
  bonusPoints: "500",
  startsOn: "2026-03-01",
  endsOn: "2026-03-31",
};
const catalog = { name: "Free month", costPoints: "1000", rewardType: "free_product" };
const payment = { external_id: "inv_1", user_id: 1, amount_cents: 3995 };

const cases: Case[] = [
  // Text with a NUL.
  ["POST /api/clients name", createClientSchema, client, { name: `Ma${NUL}ya` }, CONTROL],
  ["POST /api/clients description", createClientSchema, client, { description: `a${NUL}` }, CONTROL],
  ["POST /api/clients business_type", createClientSchema, client, { business_type: `x${NUL}` }, CONTROL],
  ["POST /api/clients client_type", createClientSchema, client, { client_type: `x${NUL}` }, CONTROL],
  ["POST /api/clients referral_code", createClientSchema, client, { referral_code: `MAYA${NUL}` }, CONTROL],
  ["POST /api/clients ai_config", createClientSchema, client, { ai_config: { a: NUL } }, /NUL/],
  ["admin create client name", adminCreateClientSchema, client, { name: `\u0007Maya` }, CONTROL],
  ["signup name", signupSchema, signup, { name: `Maya${NUL}Lopez` }, CONTROL],
  ["signup referral code", signupSchema, signup, { referralCode: `MAYA${NUL}` }, CONTROL],
  ["signup phone", signupSchema, signup, { phone: `+1415555${NUL}0100` }, CONTROL],
  ["code name (create)", createReferralCodeSchema, {}, { code_name: `Insta${NUL}` }, CONTROL],
  ["custom code", createReferralCodeSchema, {}, { custom_code: `MAYA${NUL}` }, CONTROL],
  ["code name (update)", updateReferralCodeSchema, { is_active: true }, { code_name: `x${NUL}` }, CONTROL],
  [
    "code name (dashboard)",
    updateOwnReferralCodeSchema,
    { code_id: "1", is_active: "true" },
    { code_name: `x${NUL}` },
    CONTROL,
  ],
  ["payment external_id", recordPaymentSchema, payment, { external_id: `inv${NUL}` }, CONTROL],
  [
    "payment refund_of",
    recordPaymentSchema,
    { ...payment, type: "refund", refund_of: "inv_0" },
    { refund_of: `inv${NUL}` },
    CONTROL,
  ],
  ["export referrer filter", referralExportQuerySchema, {}, { referrer: `a${NUL}` }, CONTROL],
  ["report referrer filter", referralReportFiltersSchema, {}, { referrer: `a${NUL}` }, CONTROL],
  ["API-key name", createApiKeySchema, { name: "Billing" }, { name: `Bill${NUL}ing` }, CONTROL],
  [
    "payout reference",
    markPayoutBatchPaidSchema,
    { batchId: "1", reference: "WIRE-1" },
    { reference: `WIRE${NUL}1` },
    CONTROL,
  ],
  [
    "linked codes",
    linkCodesSchema,
    { campaignId: "1", codes: "MAYA2025" },
    { codes: `MAYA${NUL}2025` },
    CONTROL,
  ],
  ["campaign name", campaignFormSchema, campaign, { campaignName: `Holi${NUL}day` }, CONTROL],
  ["campaign description", campaignFormSchema, campaign, { description: `a${NUL}` }, CONTROL],
  [
    "campaign edit name",
    updateCampaignSchema,
    { ...campaign, campaignId: "1" },
    { campaignName: `x${NUL}yz` },
    CONTROL,
  ],
  ["offer name", rewardRuleFormSchema, offer, { name: `Spr${NUL}ing` }, CONTROL],
  [
    "milestone unlock",
    rewardRuleFormSchema,
    { kind: "milestone", ruleId: "1", isActive: "on", badge: "gold", referrals: "10", bonusPoints: "100" },
    { unlock: `x${NUL}` },
    CONTROL,
  ],
  ["catalog reward name", catalogItemFormSchema, catalog, { name: `Free${NUL}month` }, CONTROL],
  ["catalog reward description", catalogItemFormSchema, catalog, { description: `a${NUL}` }, CONTROL],
  [
    "invite addresses",
    emailInvitesSchema,
    { code_id: "1", addresses: "a@example.com" },
    { addresses: `a${NUL}@example.com` },
    /not a valid e-mail/,
  ],
  // Ids past int4.
  [
    "POST /api/clients region_id",
    createClientSchema,
    client,
    { region_id: PAST_INT4 },
    /region_id must be a whole number from 1 to 2147483647/,
  ],
  [
    "POST /api/clients template_id",
    createClientSchema,
    client,
    { template_id: PAST_INT4 },
    /template_id must be a whole number from 1/,
  ],
  [
    "POST /api/clients subscription_tier_id",
    createClientSchema,
    client,
    { subscription_tier_id: PAST_INT4 },
    /subscription_tier_id must be/,
  ],
  [
    "admin create client region",
    adminCreateClientSchema,
    client,
    { region_id: String(PAST_INT4) },
    /region_id must be/,
  ],
  ["payment user_id", recordPaymentSchema, payment, { user_id: PAST_INT4 }, /user_id is out of range/],
  [
    "code campaign_id",
    createReferralCodeSchema,
    {},
    { campaign_id: String(PAST_INT4) },
    /Campaign id is out of range/,
  ],
  [
    "dashboard code id",
    updateOwnReferralCodeSchema,
    { code_id: "1", is_active: "true" },
    { code_id: String(PAST_INT4) },
    /Code id is out of range/,
  ],
  [
    "client status",
    clientStatusChangeSchema,
    { clientId: "1", status: "active" },
    { clientId: String(PAST_INT4) },
    /out of range/,
  ],
  ["revoke key", revokeApiKeySchema, { keyId: "1" }, { keyId: String(PAST_INT4) }, /out of range/],
  [
    "unlink code",
    unlinkCodeSchema,
    { campaignId: "1", codeId: "1" },
    { codeId: String(PAST_INT4) },
    /out of range/,
  ],
  ["redeem", redeemSchema, { catalog_item_id: 1 }, { catalog_item_id: PAST_INT4 }, /out of range/],
  [
    "review decision",
    reviewDecisionSchema,
    { decision: "approve", referralIds: "1,2" },
    { referralIds: `1,${PAST_INT4}` },
    /out of range/,
  ],
  ["payout batch", createPayoutBatchSchema, { pay_1: "on" }, { [`pay_${PAST_INT4}`]: "on" }, /out of range/],
  [
    "export campaign",
    referralExportQuerySchema,
    {},
    { campaign: String(PAST_INT4) },
    /campaign must be a campaign id/,
  ],
  // Far dates.
  ["export end_date", referralExportQuerySchema, {}, { end_date: "9999-12-31" }, /between 2000 and 2100/],
  [
    "export start_date timestamp",
    referralExportQuerySchema,
    {},
    { start_date: "9999-12-31T00:00:00Z" },
    /between 2000 and 2100/,
  ],
  ["report end_date", referralReportFiltersSchema, {}, { end_date: "9999-12-31" }, /between 2000 and 2100/],
  [
    "payment occurred_at",
    recordPaymentSchema,
    payment,
    { occurred_at: "9999-12-31T00:00:00Z" },
    /between 2000 and 2100/,
  ],
  ["code expiry", createReferralCodeSchema, {}, { expires_at: "9999-12-31" }, /2100 or earlier/],
  ["campaign end", campaignFormSchema, campaign, { endsOn: "9999-12-31" }, /between 2000 and 2100/],
  ["offer end", rewardRuleFormSchema, offer, { endsOn: "9999-12-31" }, /between 2000 and 2100/],
  ["analytics month", referralAnalyticsQuerySchema, {}, { month: "9999-12" }, /between 2000 and 2100/],
  // Money past the bound.
  ["payment amount", recordPaymentSchema, payment, { amount_cents: 1e13 }, /amount_cents must be at most/],
];

function messages(result: { success: boolean; error?: z.ZodError }): string[] {
  return result.success ? [] : result.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("every resource schema refuses hostile fields with a message", () => {
  it.each(cases)("%s", (_label, schema, valid, hostile, message) => {
    expect(messages(schema.safeParse(valid)), "the valid body parses").toEqual([]);
    const refused = messages(schema.safeParse({ ...valid, ...hostile }));
    expect(refused.length, "refused").toBeGreaterThan(0);
    expect(refused.join(" | ")).toMatch(message);
  });
});

describe("pages never refuse: a hostile search parameter is dropped", () => {
  it("the client list, the audit log and the report fall back", () => {
    expect(clientListSearchSchema.parse({ q: `a${NUL}`, after: String(PAST_INT4) })).toMatchObject({
      q: undefined,
      after: undefined,
    });
    expect(auditLogSearchSchema.parse({ actor: `a${NUL}`, start_date: "9999-12-31" })).toMatchObject({
      actor: undefined,
      start_date: undefined,
    });
    const { search, ignored } = parseReportSearch({
      end_date: "9999-12-31",
      referrer: `a${NUL}`,
      flagged: "1",
    });
    expect(ignored.sort()).toEqual(["end_date", "referrer"]);
    expect(search.flagged).toBe(true);
    expect(search.end_date).toBeUndefined();
    expect(search.referrer).toBeUndefined();
  });
});
