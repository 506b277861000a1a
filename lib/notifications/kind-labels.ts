// Plain data (no server code), so the preferences form and the admin outbox can both use it.
import type { NotificationKind } from "./messages";

/** What each kind is called and, in one line, when it is sent. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, { label: string; description: string }> = {
  referral_signed_up: {
    label: "New referral",
    description:
      "Someone signed up with one of your codes (their address shown masked) and the points it earned.",
  },
  commission_approved: {
    label: "Commission approved",
    description: "A commission passed its hold and is approved for your next payout.",
  },
  payout_sent: {
    label: "Payout sent",
    description: "We sent you a payout, with its amount and bank reference.",
  },
  reward_reached: {
    label: "Badge or tier reached",
    description: "You earned a badge or reached a commission tier.",
  },
  coupon_redeemed: {
    label: "Coupon redeemed",
    description: "You spent points on a reward; the message has its coupon code.",
  },
  monthly_summary: {
    label: "Monthly summary",
    description: "On the 1st: last month's clicks, signups, commission, points and your best code.",
  },
  referral_flagged: {
    label: "Referral flagged for review",
    description: "The fraud rules held a signup for review, with their reasons.",
  },
  payout_batch_ready: {
    label: "Payout batch ready",
    description: "A payout batch was created and is ready to pay.",
  },
  webhook_endpoint_disabled: {
    label: "Webhook endpoint disabled",
    description: "An endpoint failed for 3 days and was disabled automatically.",
  },
  job_failing: {
    label: "Job keeps failing",
    description: "A background job failed repeatedly today (once per job per day).",
  },
};
