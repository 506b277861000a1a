import { z } from "zod";

// What a notification says, as plain data: the contract between the code that decides a message is due
// (lib/notifications/*, from domain events and the monthly schedule) and the templates that render it
// (lib/notifications/templates/*). Stored as JSON in the notification outbox, so a retried send renders
// exactly what was decided, and parsed back with this schema. Never a third party's full e-mail address:
// people other than the recipient appear masked (lib/privacy/mask.ts) before they get here.

const money = z.object({ cents: z.number().int(), currency: z.string().length(3) });

/** Kinds a referrer can receive; each can be turned off on /account/notifications. */
export const REFERRER_NOTIFICATION_KINDS = [
  "referral_signed_up",
  "commission_approved",
  "payout_sent",
  "reward_reached",
  "coupon_redeemed",
  "monthly_summary",
] as const;

/** Kinds an admin can receive; each can be turned off on /account/notifications. */
export const ADMIN_NOTIFICATION_KINDS = [
  "referral_flagged",
  "payout_batch_ready",
  "webhook_endpoint_disabled",
  "job_failing",
] as const;

export const NOTIFICATION_KINDS = [...REFERRER_NOTIFICATION_KINDS, ...ADMIN_NOTIFICATION_KINDS] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** On unless the recipient turned it off; the monthly summary is on by default like the rest. */
export const notificationMessageSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("referral_signed_up"),
    referredEmailMasked: z.string(),
    code: z.string(),
    points: z.number().int(),
  }),
  z.object({
    kind: z.literal("commission_approved"),
    amount: money,
    referredEmailMasked: z.string(),
    code: z.string().nullable(),
  }),
  z.object({ kind: z.literal("payout_sent"), amount: money, reference: z.string().nullable() }),
  z.object({
    kind: z.literal("reward_reached"),
    /** "badge" earned (name) or a commission "tier" reached (name and multiplier, e.g. 1.1). */
    reward: z.discriminatedUnion("type", [
      z.object({ type: z.literal("badge"), name: z.string() }),
      z.object({ type: z.literal("tier"), name: z.string(), multiplier: z.number() }),
    ]),
  }),
  z.object({
    kind: z.literal("coupon_redeemed"),
    couponCode: z.string(),
    rewardName: z.string(),
    points: z.number().int(),
  }),
  z.object({
    kind: z.literal("monthly_summary"),
    /** "2026-11" — the month summarized (UTC). */
    month: z.string().regex(/^\d{4}-\d{2}$/),
    clicks: z.number().int(),
    signups: z.number().int(),
    /** One entry per currency earned in, largest first; empty when nothing was earned. */
    commission: z.array(money),
    points: z.number().int(),
    bestCode: z.string().nullable(),
  }),
  z.object({
    kind: z.literal("referral_flagged"),
    referralId: z.number().int(),
    referredEmailMasked: z.string(),
    code: z.string(),
    reasons: z.array(z.string()),
  }),
  z.object({
    kind: z.literal("payout_batch_ready"),
    batchId: z.number().int(),
    lines: z.number().int(),
    totals: z.array(money),
  }),
  z.object({
    kind: z.literal("webhook_endpoint_disabled"),
    endpointId: z.number().int(),
    url: z.string(),
    reason: z.string(),
  }),
  z.object({
    kind: z.literal("job_failing"),
    queue: z.string(),
    failures: z.number().int(),
    lastError: z.string().nullable(),
  }),
]);

export type NotificationMessage = z.infer<typeof notificationMessageSchema>;

/** What a template needs besides the message: links are absolute, built from the configured origin. */
export type NotificationFrame = {
  recipientName: string;
  /** Absolute URL of the page the message is about (dashboard, review queue, …). */
  actionUrl: string;
  /** Absolute one-click unsubscribe URL for this kind (also sent as List-Unsubscribe). */
  unsubscribeUrl: string;
  /** Absolute URL of /account/notifications. */
  preferencesUrl: string;
};

export type RenderedNotification = { subject: string; html: string; text: string };
