import { plainTextSelectors, render } from "@react-email/render";
import type {
  NotificationFrame,
  NotificationKind,
  NotificationMessage,
  RenderedNotification,
} from "@/lib/notifications/messages";
import { jobFailing, payoutBatchReady, referralFlagged, webhookEndpointDisabled } from "./admin-emails";
import {
  commissionApproved,
  couponRedeemed,
  monthlySummary,
  payoutSent,
  referralSignedUp,
  rewardReached,
} from "./referrer-emails";
import type { NotificationTemplate } from "./template";

const templates: { [K in NotificationKind]: NotificationTemplate<K> } = {
  referral_signed_up: referralSignedUp,
  commission_approved: commissionApproved,
  payout_sent: payoutSent,
  reward_reached: rewardReached,
  coupon_redeemed: couponRedeemed,
  monthly_summary: monthlySummary,
  referral_flagged: referralFlagged,
  payout_batch_ready: payoutBatchReady,
  webhook_endpoint_disabled: webhookEndpointDisabled,
  job_failing: jobFailing,
};

// The plain-text part is read on its own (text-only clients, screen readers, spam filters): headings keep
// their case and each fact stays "Label: value" on one line instead of two paragraphs.
const plainTextOptions = {
  wordwrap: 78,
  selectors: [
    ...plainTextSelectors,
    { selector: "h1", options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 2 } },
    {
      selector: "table.fact",
      format: "dataTable",
      options: { colSpacing: 1, leadingLineBreaks: 1, trailingLineBreaks: 1 },
    },
  ],
};

/**
 * A subject is a mail header: codes, URLs and reasons come from people, so line breaks and control characters
 * (header injection, broken headers) collapse to one space; long subjects are cut, inboxes cut them anyway.
 */
export function cleanSubject(subject: string): string {
  const oneLine = subject.replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, " ").trim();
  return oneLine.length > 150 ? `${oneLine.slice(0, 149)}…` : oneLine;
}

/** The e-mail for one outbox message: subject, HTML (React escapes every value) and a plain-text part. */
export async function renderNotification(
  message: NotificationMessage,
  frame: NotificationFrame,
): Promise<RenderedNotification> {
  // The map above pairs each kind with its template; TypeScript cannot follow that through a union index.
  const template = templates[message.kind] as NotificationTemplate<NotificationKind>;
  const email = <template.Email message={message} frame={frame} />;
  const [html, text] = await Promise.all([
    render(email),
    render(email, { plainText: true, htmlToTextOptions: plainTextOptions }),
  ]);
  return { subject: cleanSubject(template.subject(message)), html, text };
}
