// Every server action the fuzz suite attacks, by its exported name in the build's
// server-reference-manifest.json (the coverage test fails for an action missing here): its form schema,
// the caller that passes authorization, and one valid form so a hostile field meets an otherwise good post.
import type { z } from "zod";
import { changePasswordSchema } from "@/lib/validation/password";
import { signupSchema } from "@/lib/validation/signup";
import { redeemSchema } from "@/lib/validation/redemptions";
import { createReferralCodeSchema, updateOwnReferralCodeSchema } from "@/lib/validation/referral-codes";
import { emailInvitesSchema } from "@/lib/validation/email-invites";
import { payoutForReferralsSchema, reviewDecisionSchema } from "@/lib/validation/referral-review";
import { rewardRuleFormSchema } from "@/lib/validation/reward-rules";
import { catalogItemFormSchema } from "@/lib/validation/reward-catalog";
import { catalogSectionSchema, rewardRuleSectionSchema } from "@/lib/validation/reward-sections";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/validation/api-keys";
import {
  adminClientPartnerSchema,
  adminCreateClientSchema,
  clientStatusChangeSchema,
} from "@/lib/validation/clients";
import {
  approveDueSchema,
  createPayoutBatchSchema,
  markPayoutBatchPaidSchema,
  payoutBatchIdSchema,
} from "@/lib/validation/payouts";
import { commissionSettingsSchema } from "@/lib/validation/commission-settings";
import {
  campaignFormSchema,
  campaignIdSchema,
  linkCodesSchema,
  unlinkCodeSchema,
  updateCampaignSchema,
} from "@/lib/validation/campaigns";
import { leaderboardOptInSchema } from "@/lib/validation/leaderboard";
import { retryJobSchema } from "@/lib/validation/jobs";
import { notificationPreferencesSchema, processNotificationsSchema } from "@/lib/validation/notifications";
import { embedCreateCodeSchema } from "@/lib/validation/embed";
import { EVENT_TYPES } from "@/lib/events/event-types";
import { REFERRER_NOTIFICATION_KINDS } from "@/lib/notifications/messages";
import {
  createWebhookEndpointFormSchema,
  endpointIdSchema,
  eventFieldName,
  retryDeliverySchema,
  setWebhookEnabledSchema,
  updateWebhookEventsFormSchema,
} from "@/lib/validation/webhook-endpoints";
import {
  emailChangeConfirmSchema,
  emailChangeRequestSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  signOutEverywhereSchema,
} from "@/lib/validation/account-recovery";
import type { FuzzContext } from "./route-targets";
import type { Who } from "./runner";

export type ActionTarget = {
  schema: z.ZodType;
  who: Who;
  /** A valid form; ids point at rows that don't exist where a success would change shared data. */
  valid: (ctx: FuzzContext) => Record<string, string>;
  /** Fields the schema does not name (a record of checkboxes). */
  extraFieldNames?: string[];
};

const MISSING = "999999";

const campaignForm = (ctx: FuzzContext) => ({
  campaignName: `Fuzz ${ctx.marker}`,
  description: `Fuzz ${ctx.marker}`,
  commissionType: "percentage",
  rate: "10",
  startsOn: "2025-01-01",
  endsOn: "2099-12-31",
});

const offerRuleForm = (ctx: FuzzContext) => ({
  kind: "offer",
  ruleId: MISSING,
  isActive: "on",
  name: `Fuzz ${ctx.marker}`,
  bonusPoints: "10",
});

const catalogItemForm = (ctx: FuzzContext) => ({
  id: MISSING,
  name: `Fuzz ${ctx.marker}`,
  costPoints: "500",
  rewardType: "discount_percent",
  rewardValue: "10",
  isActive: "on",
});

const prefixed = (prefix: string, form: Record<string, string>) =>
  Object.fromEntries(Object.entries(form).map(([k, v]) => [`${prefix}.${k}`, v]));

const FIELD_NAMES_ONLY: FuzzContext = { marker: "", clientId: 0, codeId: 0, unique: () => "" };

export const actionTargets: Record<string, ActionTarget> = {
  createEmbedCodeAction: {
    schema: embedCreateCodeSchema,
    // The embedded panel's form: its token is its credential (no session). A well-formed token that was
    // never issued, so the valid form is refused by the token check and creates no code.
    who: "anonymous",
    valid: (ctx) => ({ token: `emt_${"A".repeat(43)}`, custom_code: "", code_name: `Fuzz ${ctx.marker}` }),
  },
  signUp: {
    schema: signupSchema,
    who: "anonymous",
    valid: (ctx) => ({
      name: `Fuzz ${ctx.marker}`,
      email: `${ctx.marker}.${ctx.unique()}@example.org`,
      password: "Tangerine-Wobble-Quartz-93",
      businessType: "creator",
      referralCode: "MAYA2025",
    }),
  },
  changePasswordAction: {
    schema: changePasswordSchema,
    who: "client",
    // A wrong current password: never changes the demo client's password.
    valid: () => ({
      currentPassword: "not-the-current-password",
      newPassword: "Tangerine-Wobble-Quartz-93",
      confirmPassword: "Tangerine-Wobble-Quartz-93",
      callbackUrl: "/dashboard",
    }),
  },
  redeemAction: { schema: redeemSchema, who: "client", valid: () => ({ catalog_item_id: MISSING }) },
  createCodeAction: {
    schema: createReferralCodeSchema,
    who: "client",
    valid: (ctx) => ({
      code_name: `Fuzz ${ctx.marker}`,
      usage_limit: "5",
      expires_at: "2099-12-31",
      custom_code: "",
    }),
  },
  updateCodeAction: {
    schema: updateOwnReferralCodeSchema,
    who: "client",
    valid: (ctx) => ({ code_id: String(ctx.codeId), code_name: `Fuzz ${ctx.marker}`, usage_limit: "1000" }),
  },
  sendEmailInvitesAction: {
    schema: emailInvitesSchema,
    who: "client",
    valid: () => ({ code_id: MISSING, addresses: "friend@example.org" }),
  },
  reviewReferralsAction: {
    schema: reviewDecisionSchema,
    who: "admin",
    valid: () => ({ decision: "approve", referralIds: MISSING }),
  },
  payoutForReferralsAction: {
    schema: payoutForReferralsSchema,
    who: "admin",
    valid: () => ({ referralIds: MISSING }),
  },
  saveRuleAction: {
    schema: rewardRuleFormSchema,
    who: "admin",
    valid: (ctx) => offerRuleForm(ctx),
  },
  saveCatalogItemAction: {
    schema: catalogItemFormSchema,
    who: "admin",
    valid: (ctx) => catalogItemForm(ctx),
  },
  // The rewards page's section forms: each rule's or reward's fields prefixed by its id (reward-sections.ts).
  // The schema is a record behind a preprocess, so the prefixed field names are listed here.
  saveRuleSectionAction: {
    schema: rewardRuleSectionSchema,
    who: "admin",
    valid: (ctx) => prefixed(`rule-${MISSING}`, offerRuleForm(ctx)),
    extraFieldNames: Object.keys(prefixed(`rule-${MISSING}`, offerRuleForm(FIELD_NAMES_ONLY))),
  },
  saveCatalogSectionAction: {
    schema: catalogSectionSchema,
    who: "admin",
    valid: (ctx) => prefixed(`item-${MISSING}`, catalogItemForm(ctx)),
    extraFieldNames: Object.keys(prefixed(`item-${MISSING}`, catalogItemForm(FIELD_NAMES_ONLY))),
  },
  createApiKeyAction: {
    schema: createApiKeySchema,
    who: "admin",
    valid: (ctx) => ({ name: `Fuzz ${ctx.marker}` }),
  },
  revokeApiKeyAction: { schema: revokeApiKeySchema, who: "admin", valid: () => ({ keyId: MISSING }) },
  // Webhooks: the valid URL does not resolve here (no network), so nothing is created; ids are missing rows.
  createWebhookEndpointAction: {
    schema: createWebhookEndpointFormSchema,
    who: "admin",
    valid: (ctx) => ({
      url: `https://hooks-${ctx.marker}.invalid/in`,
      description: `Fuzz ${ctx.marker}`,
      [eventFieldName("commission.created")]: "on",
    }),
    extraFieldNames: EVENT_TYPES.map(eventFieldName),
  },
  updateWebhookEventsAction: {
    schema: updateWebhookEventsFormSchema,
    who: "admin",
    valid: () => ({ endpointId: MISSING, [eventFieldName("payout.paid")]: "on" }),
    extraFieldNames: EVENT_TYPES.map(eventFieldName),
  },
  setWebhookEnabledAction: {
    schema: setWebhookEnabledSchema,
    who: "admin",
    valid: () => ({ endpointId: MISSING, enabled: "false" }),
  },
  deleteWebhookEndpointAction: {
    schema: endpointIdSchema,
    who: "admin",
    valid: () => ({ endpointId: MISSING }),
  },
  rotateWebhookSecretAction: {
    schema: endpointIdSchema,
    who: "admin",
    valid: () => ({ endpointId: MISSING }),
  },
  sendWebhookTestAction: { schema: endpointIdSchema, who: "admin", valid: () => ({ endpointId: MISSING }) },
  retryWebhookDeliveryAction: {
    schema: retryDeliverySchema,
    who: "admin",
    valid: () => ({ deliveryId: MISSING }),
  },
  // A job that does not exist: refused with 409 ("not failed any more"), nothing retried.
  retryJobAction: {
    schema: retryJobSchema,
    who: "admin",
    valid: () => ({ queue: "invites:send-email", jobId: "00000000-0000-4000-8000-000000000000" }),
  },
  createClientAction: {
    schema: adminCreateClientSchema,
    who: "admin",
    valid: (ctx) => ({
      name: `Fuzz ${ctx.marker}`,
      email: `${ctx.marker}.${ctx.unique()}@example.org`,
      business_type: "creator",
      description: `Fuzz ${ctx.marker}`,
      subscription_tier_id: "2",
      region_id: "1",
      trial_days: "7",
    }),
  },
  setClientStatusAction: {
    schema: clientStatusChangeSchema,
    who: "admin",
    valid: () => ({ clientId: MISSING, status: "active" }),
  },
  setClientPartnerAction: {
    schema: adminClientPartnerSchema,
    who: "admin",
    // A client that does not exist: the valid example reaches the domain and changes nobody's partner.
    valid: () => ({ intent: "assign", clientId: MISSING, partner: "nobody@example.net" }),
  },
  approveDueAction: { schema: approveDueSchema, who: "admin", valid: () => ({}) },
  processNotificationEventsAction: { schema: processNotificationsSchema, who: "admin", valid: () => ({}) },
  createPayoutBatchAction: {
    schema: createPayoutBatchSchema,
    who: "admin",
    valid: () => ({ [`pay_${MISSING}`]: "on" }),
    extraFieldNames: ["pay_1", "pay_2147483648", "pay_-1"],
  },
  markPayoutBatchPaidAction: {
    schema: markPayoutBatchPaidSchema,
    who: "admin",
    valid: (ctx) => ({ batchId: MISSING, reference: `Fuzz ${ctx.marker}` }),
  },
  cancelPayoutBatchAction: { schema: payoutBatchIdSchema, who: "admin", valid: () => ({ batchId: MISSING }) },
  updateCommissionSettingsAction: {
    schema: commissionSettingsSchema,
    who: "admin",
    // The demo seed's own settings, so a success changes nothing another spec relies on.
    valid: () => ({ holdDays: "30", minimumPayout: "50.00", retentionMonths: "6", retentionBonus: "25.00" }),
  },
  createCampaignAction: { schema: campaignFormSchema, who: "admin", valid: campaignForm },
  updateCampaignAction: {
    schema: updateCampaignSchema,
    who: "admin",
    valid: (ctx) => ({ campaignId: MISSING, ...campaignForm(ctx) }),
    extraFieldNames: Object.keys(campaignForm(FIELD_NAMES_ONLY)),
  },
  endCampaignAction: { schema: campaignIdSchema, who: "admin", valid: () => ({ campaignId: MISSING }) },
  linkCodesAction: {
    schema: linkCodesSchema,
    who: "admin",
    valid: () => ({ campaignId: MISSING, codes: "MAYA2025" }),
  },
  unlinkCodeAction: {
    schema: unlinkCodeSchema,
    who: "admin",
    valid: () => ({ campaignId: MISSING, codeId: MISSING }),
  },
  leaderboardOptInAction: { schema: leaderboardOptInSchema, who: "client", valid: () => ({ optIn: "on" }) },
  // An address with no account: the same answer as for a real one, and no e-mail.
  requestPasswordResetAction: {
    schema: passwordResetRequestSchema,
    who: "anonymous",
    valid: (ctx) => ({ email: `${ctx.marker}.${ctx.unique()}@example.org` }),
  },
  // A token that was never issued: refused, nobody's password changes.
  resetPasswordAction: {
    schema: passwordResetConfirmSchema,
    who: "anonymous",
    valid: () => ({
      token: "fuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuz",
      password: "Tangerine-Wobble-Quartz-93",
      confirmPassword: "Tangerine-Wobble-Quartz-93",
    }),
  },
  confirmEmailChangeAction: {
    schema: emailChangeConfirmSchema,
    who: "anonymous",
    valid: () => ({ token: "fuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuz" }),
  },
  // A wrong current password: the demo client's address never changes.
  requestEmailChangeAction: {
    schema: emailChangeRequestSchema,
    who: "client",
    valid: (ctx) => ({
      newEmail: `${ctx.marker}.${ctx.unique()}@example.org`,
      currentPassword: "not-the-password",
    }),
  },
  // A wrong password: the demo client's sessions (the fuzzer's own included) stay.
  signOutEverywhereAction: {
    schema: signOutEverywhereSchema,
    who: "client",
    valid: () => ({ currentPassword: "not-the-password" }),
  },
  saveNotificationPreferencesAction: {
    schema: notificationPreferencesSchema,
    who: "client",
    // Every referrer kind on: the defaults, so the demo client's settings stay as they were.
    valid: () =>
      Object.fromEntries(REFERRER_NOTIFICATION_KINDS.map((kind) => [kind, "on"])) as Record<string, string>,
  },
};
