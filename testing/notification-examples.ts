import type { NotificationFrame, NotificationKind, NotificationMessage } from "@/lib/notifications/messages";

// Worked examples of every notification kind with the lines a reader must find in the plain-text part.
// Values people type (codes, reasons, URLs, error text) carry markup, so the tests prove it is escaped.
// Also used to render preview files of each e-mail for a look in a browser.

export const exampleFrame: NotificationFrame = {
  recipientName: "Ada <b>Lovelace</b>",
  actionUrl: "https://referrals.example.com/dashboard",
  unsubscribeUrl: "https://referrals.example.com/api/notifications/unsubscribe?token=abc123",
  preferencesUrl: "https://referrals.example.com/account/notifications",
};

export type NotificationExample = {
  name: string;
  message: NotificationMessage;
  subject: string;
  /** Lines (or parts of one) the plain-text part must contain. */
  lines: string[];
};

export const notificationExamples: NotificationExample[] = [
  {
    name: "referral_signed_up",
    message: {
      kind: "referral_signed_up",
      referredEmailMasked: "j***@example.org",
      code: "ADA<script>",
      points: 1500,
    },
    subject: "New referral: someone signed up with your code ADA<script>",
    lines: [
      "You have a new referral",
      "Hi Ada <b>Lovelace</b>,",
      "j***@example.org just signed up with your referral code ADA<script>. You earned 1,500 points for it.",
      "See your referrals https://referrals.example.com/dashboard",
    ],
  },
  {
    name: "commission_approved",
    message: {
      kind: "commission_approved",
      amount: { cents: 123456, currency: "eur" },
      referredEmailMasked: "m***@example.net",
      code: "MUSE10",
    },
    subject: "Commission approved: €1,234.56",
    lines: [
      "Your commission of €1,234.56 for referring m***@example.net is approved.",
      "Amount: €1,234.56",
      "Code: MUSE10",
    ],
  },
  {
    name: "payout_sent",
    message: { kind: "payout_sent", amount: { cents: 5000, currency: "jpy" }, reference: "PAY-<i>42</i>" },
    subject: "Payout sent: ¥5,000",
    lines: ["We sent you a payout of ¥5,000.", "Reference: PAY-<i>42</i>"],
  },
  {
    name: "reward_reached_badge",
    message: { kind: "reward_reached", reward: { type: "badge", name: "First <script>alert(1)</script>" } },
    subject: "You earned the First <script>alert(1)</script> badge",
    lines: ["Your referrals earned you the First <script>alert(1)</script> badge."],
  },
  {
    name: "reward_reached",
    message: { kind: "reward_reached", reward: { type: "tier", name: "Advocate", multiplier: 1.1 } },
    subject: "You reached the Advocate tier: 1.1× commissions",
    lines: ["You reached the Advocate tier.", "every new commission is multiplied by 1.1× (10% more)."],
  },
  {
    name: "coupon_redeemed",
    message: {
      kind: "coupon_redeemed",
      couponCode: "MN-7K3Q-X9PD",
      rewardName: "Lifetime premium",
      points: 1000,
    },
    subject: "Your coupon for Lifetime premium",
    lines: ["You spent 1,000 points on Lifetime premium. Your coupon code:", "MN-7K3Q-X9PD"],
  },
  {
    name: "monthly_summary",
    message: {
      kind: "monthly_summary",
      month: "2026-11",
      clicks: 12840,
      signups: 37,
      commission: [
        { cents: 98765, currency: "usd" },
        { cents: 1299, currency: "eur" },
      ],
      points: 4250,
      bestCode: "ADA2026",
    },
    subject: "Your referral summary for November 2026",
    lines: [
      "Your November 2026 in numbers",
      "Link clicks: 12,840",
      "Signups: 37",
      "Commission earned: $987.65 · €12.99",
      "Points earned: 4,250",
      "Best code: ADA2026",
      "Open your dashboard https://referrals.example.com/dashboard",
    ],
  },
  {
    name: "monthly_summary_quiet",
    message: {
      kind: "monthly_summary",
      month: "2027-01",
      clicks: 0,
      signups: 0,
      commission: [],
      points: 0,
      bestCode: null,
    },
    subject: "Your referral summary for January 2027",
    lines: ["Commission earned: $0.00", "Best code: —", "A quiet month"],
  },
  {
    name: "referral_flagged",
    message: {
      kind: "referral_flagged",
      referralId: 812,
      referredEmailMasked: "x***@mailinator.com",
      code: "FRAUD1",
      reasons: ["same_ip_as_referrer", "disposable_email <img src=x onerror=alert(1)>"],
    },
    subject: "Referral #812 flagged for review",
    lines: [
      "The signup of x***@mailinator.com with code FRAUD1 was flagged",
      "Reasons: same_ip_as_referrer, disposable_email <img src=x onerror=alert(1)>",
      "Review the referral https://referrals.example.com/dashboard",
    ],
  },
  {
    name: "payout_batch_ready",
    message: {
      kind: "payout_batch_ready",
      batchId: 17,
      lines: 1204,
      totals: [
        { cents: 4513200, currency: "usd" },
        { cents: 120050, currency: "eur" },
      ],
    },
    subject: "Payout batch #17 is ready: $45,132.00 · €1,200.50",
    lines: ["Lines: 1,204", "Totals: $45,132.00 · €1,200.50"],
  },
  {
    name: "webhook_endpoint_disabled",
    message: {
      kind: "webhook_endpoint_disabled",
      endpointId: 3,
      url: "https://hooks.example.com/in?a=1&b=<x>",
      reason: "20 consecutive failed deliveries",
    },
    subject: "Webhook endpoint #3 was disabled",
    lines: [
      "Deliveries to endpoint #3 stopped.",
      "https://hooks.example.com/in?a=1&b=<x>",
      "Reason: 20 consecutive",
    ],
  },
  {
    name: "job_failing",
    message: {
      kind: "job_failing",
      queue: "webhook-delivery\r\nBcc: victim@example.com",
      failures: 1,
      lastError: 'Error: connect ECONNREFUSED 127.0.0.1:5432 "</p><script>x</script>"',
    },
    subject: "Background jobs failing: webhook-delivery Bcc: victim@example.com",
    lines: ["failed job.", 'Error: connect ECONNREFUSED 127.0.0.1:5432 "</p><script>x</script>"'],
  },
];

export const exampleKinds = (): NotificationKind[] => [
  ...new Set(notificationExamples.map((e) => e.message.kind)),
];
