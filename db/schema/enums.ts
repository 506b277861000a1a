import { pgEnum } from "drizzle-orm/pg-core";

// Every enum of the domain lives here so zod schemas can derive from `.enumValues`.
export const userRole = pgEnum("user_role", ["admin", "client"]);
export const userStatus = pgEnum("user_status", ["active", "suspended", "inactive"]);
export const subscriptionStatus = pgEnum("subscription_status", ["trial", "active", "past_due", "canceled"]);
export const paymentType = pgEnum("payment_type", ["payment", "refund", "chargeback"]);
export const paymentSource = pgEnum("payment_source", ["api", "stripe", "demo"]);
export const commissionType = pgEnum("commission_type", ["percentage", "flat_rate", "tier_based"]);
// Where an invite came from; `manual` = typed in by hand, `api` = POST /api/clients.
export const referralSource = pgEnum("referral_source", [
  "link",
  "email",
  "sms",
  "whatsapp",
  "qr",
  "social",
  "manual",
  "api",
]);
export const reviewStatus = pgEnum("review_status", ["not_required", "pending", "approved", "rejected"]);
export const commissionLevel = pgEnum("commission_level", ["direct", "partner", "bonus", "retention"]);
export const commissionStatus = pgEnum("commission_status", [
  "pending",
  "approved",
  "paid",
  "reversed",
  "rejected",
]);
export const commissionKind = pgEnum("commission_kind", ["earning", "reversal"]);
export const payoutBatchStatus = pgEnum("payout_batch_status", ["open", "paid", "canceled"]);
export const rewardRuleKind = pgEnum("reward_rule_kind", [
  "double_sided",
  "tier_schedule",
  "offer",
  "milestone",
  "expiry",
  "qualifying_activity",
]);
export const pointsReason = pgEnum("points_reason", [
  "referral_referrer",
  "referral_new_client",
  "tier_schedule",
  "offer_bonus",
  "milestone_bonus",
  "redemption",
  "expiry",
  "adjustment",
  "reversal",
]);
export const pointsStatus = pgEnum("points_status", ["pending", "available", "void"]);
export const badge = pgEnum("badge", ["bronze", "silver", "gold"]);
export const rewardType = pgEnum("reward_type", ["discount_percent", "free_product", "lifetime_premium"]);
export const inviteStatus = pgEnum("invite_status", ["queued", "sent", "failed", "skipped"]);
