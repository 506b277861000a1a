import { formatMoney, formatMoneyByCurrency, formatPoints } from "@/lib/format";
import { Facts, Mono, NotificationLayout, Paragraph } from "./layout";
import type { NotificationTemplate } from "./template";

// The e-mails a referrer receives. Other people appear only as the masked address the message carries.

export function pointsLabel(points: number): string {
  return `${formatPoints(points)} ${Math.abs(points) === 1 ? "point" : "points"}`;
}

const monthFormat = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
/** "2026-11" → "November 2026". */
export function monthLabel(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number);
  return monthFormat.format(new Date(Date.UTC(year, monthNumber - 1, 1)));
}

/** 1.1 → "1.1×"; the bonus as whole percent ("10% more") reads better than the factor alone. */
function multiplierLabel(multiplier: number): string {
  return `${Number(multiplier.toFixed(2))}×`;
}

export const referralSignedUp: NotificationTemplate<"referral_signed_up"> = {
  subject: (m) => `New referral: someone signed up with your code ${m.code}`,
  Email: ({ message: m, frame }) => (
    <NotificationLayout
      frame={frame}
      preview={`${m.referredEmailMasked} signed up with your code ${m.code}.`}
      heading="You have a new referral"
      actionLabel="See your referrals"
    >
      <Paragraph>
        {m.referredEmailMasked} just signed up with your referral code {m.code}.
        {m.points > 0 ? ` You earned ${pointsLabel(m.points)} for it.` : ""}
      </Paragraph>
      <Paragraph>When they pay, your commission shows up on your dashboard.</Paragraph>
    </NotificationLayout>
  ),
};

export const commissionApproved: NotificationTemplate<"commission_approved"> = {
  subject: (m) => `Commission approved: ${formatMoney(m.amount.cents, m.amount.currency)}`,
  Email: ({ message: m, frame }) => {
    const amount = formatMoney(m.amount.cents, m.amount.currency);
    return (
      <NotificationLayout
        frame={frame}
        preview={`${amount} is approved and will be in your next payout.`}
        heading="Your commission is approved"
        actionLabel="See your earnings"
      >
        <Paragraph>
          Your commission of {amount} for referring {m.referredEmailMasked} is approved. It will be paid with
          your next payout.
        </Paragraph>
        <Facts
          rows={[
            { label: "Amount", value: amount },
            { label: "Referred customer", value: m.referredEmailMasked },
            ...(m.code ? [{ label: "Code", value: m.code }] : []),
          ]}
        />
      </NotificationLayout>
    );
  },
};

export const payoutSent: NotificationTemplate<"payout_sent"> = {
  subject: (m) => `Payout sent: ${formatMoney(m.amount.cents, m.amount.currency)}`,
  Email: ({ message: m, frame }) => {
    const amount = formatMoney(m.amount.cents, m.amount.currency);
    return (
      <NotificationLayout
        frame={frame}
        preview={`We sent you ${amount}.`}
        heading="Your payout is on its way"
        actionLabel="See your payouts"
      >
        <Paragraph>
          We sent you a payout of {amount}. Depending on your bank it arrives within a few days.
        </Paragraph>
        <Facts
          rows={[
            { label: "Amount", value: amount },
            ...(m.reference ? [{ label: "Reference", value: m.reference }] : []),
          ]}
        />
      </NotificationLayout>
    );
  },
};

export const rewardReached: NotificationTemplate<"reward_reached"> = {
  subject: (m) =>
    m.reward.type === "badge"
      ? `You earned the ${m.reward.name} badge`
      : `You reached the ${m.reward.name} tier: ${multiplierLabel(m.reward.multiplier)} commissions`,
  Email: ({ message: m, frame }) => {
    const reward = m.reward;
    return reward.type === "badge" ? (
      <NotificationLayout
        frame={frame}
        preview={`The ${reward.name} badge is now on your profile.`}
        heading={`You earned the ${reward.name} badge`}
        actionLabel="See your rewards"
      >
        <Paragraph>
          Congratulations! Your referrals earned you the {reward.name} badge. Keep sharing your code.
        </Paragraph>
      </NotificationLayout>
    ) : (
      <NotificationLayout
        frame={frame}
        preview={`Your commissions now earn ${multiplierLabel(reward.multiplier)}.`}
        heading={`You reached the ${reward.name} tier`}
        actionLabel="See your rewards"
      >
        <Paragraph>
          Congratulations! You reached the {reward.name} tier. From now on every new commission is multiplied
          by {multiplierLabel(reward.multiplier)}
          {reward.multiplier > 1 ? ` (${Math.round((reward.multiplier - 1) * 100)}% more)` : ""}.
        </Paragraph>
      </NotificationLayout>
    );
  },
};

export const couponRedeemed: NotificationTemplate<"coupon_redeemed"> = {
  subject: (m) => `Your coupon for ${m.rewardName}`,
  Email: ({ message: m, frame }) => (
    <NotificationLayout
      frame={frame}
      preview={`You spent ${pointsLabel(m.points)} on ${m.rewardName}.`}
      heading="Here is your coupon"
      actionLabel="See your points history"
    >
      <Paragraph>
        You spent {pointsLabel(m.points)} on {m.rewardName}. Your coupon code:
      </Paragraph>
      <Mono>{m.couponCode}</Mono>
      <Paragraph>Keep this e-mail: the code is also listed in your points history.</Paragraph>
    </NotificationLayout>
  ),
};

export const monthlySummary: NotificationTemplate<"monthly_summary"> = {
  subject: (m) => `Your referral summary for ${monthLabel(m.month)}`,
  Email: ({ message: m, frame }) => {
    const month = monthLabel(m.month);
    const commission = formatMoneyByCurrency(m.commission);
    return (
      <NotificationLayout
        frame={frame}
        preview={`${m.clicks} clicks, ${m.signups} signups and ${commission} in ${month}.`}
        heading={`Your ${month} in numbers`}
        actionLabel="Open your dashboard"
      >
        <Paragraph>Here is how your referrals did in {month}:</Paragraph>
        <Facts
          rows={[
            { label: "Link clicks", value: formatPoints(m.clicks) },
            { label: "Signups", value: formatPoints(m.signups) },
            { label: "Commission earned", value: commission },
            { label: "Points earned", value: formatPoints(m.points) },
            { label: "Best code", value: m.bestCode ?? "—" },
          ]}
        />
        <Paragraph>
          {m.signups > 0
            ? "Thank you for spreading the word."
            : "A quiet month: sharing your link where your audience is helps most."}
        </Paragraph>
      </NotificationLayout>
    );
  },
};
